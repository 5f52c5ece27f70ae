import { MigrationInterface, QueryRunner } from 'typeorm';
import { CATALOGUE_TABLE, ISSUES_TABLE, QUALITY_ISSUES_DDL, STEPS_TABLE } from './quality-issues.schema';

/** Read models of quality issues: issues, their dated loop steps, and the catalogue's matter ids. */
export class QualityIssueReadModels1764160000001 implements MigrationInterface {
  name = 'QualityIssueReadModels1764160000001';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of QUALITY_ISSUES_DDL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [STEPS_TABLE, ISSUES_TABLE, CATALOGUE_TABLE]) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
