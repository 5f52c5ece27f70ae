import { MigrationInterface, QueryRunner } from 'typeorm';
import { CATALOGUE_TABLE, ISSUES_TABLE, STEPS_TABLE } from './quality-issues.tables';

/** One statement each (PGlite's extended protocol takes one command per query). */
const QUALITY_ISSUES_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${ISSUES_TABLE} (
    issue_id text PRIMARY KEY,
    matter_id text NOT NULL,
    department_id text NOT NULL,
    region_code text NOT NULL,
    category text NOT NULL,
    description text NOT NULL,
    rule text NULL,
    status text NOT NULL,
    deadline date NOT NULL,
    found_at text NOT NULL,
    found_on date NOT NULL,
    closed_at text NULL,
    closed_on date NULL,
    inspector text NOT NULL,
    last_note text NULL,
    returned_with text NULL,
    updated_at text NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_department ON ${ISSUES_TABLE} (department_id, status)`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_region ON ${ISSUES_TABLE} (region_code, status)`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_matter_rule ON ${ISSUES_TABLE} (matter_id, rule)`,
  `CREATE INDEX IF NOT EXISTS ${ISSUES_TABLE}_open_deadline ON ${ISSUES_TABLE} (deadline) WHERE status <> 'closed'`,
  `CREATE TABLE IF NOT EXISTS ${STEPS_TABLE} (
    issue_id text NOT NULL,
    version int NOT NULL,
    step text NOT NULL,
    status text NOT NULL,
    at text NOT NULL,
    on_date date NOT NULL,
    actor text NOT NULL,
    text text NULL,
    deadline date NOT NULL,
    position bigint NOT NULL,
    PRIMARY KEY (issue_id, version)
  )`,
  `CREATE INDEX IF NOT EXISTS ${STEPS_TABLE}_on_date ON ${STEPS_TABLE} (on_date, issue_id)`,
  `CREATE TABLE IF NOT EXISTS ${CATALOGUE_TABLE} (
    matter_id text PRIMARY KEY,
    status text NOT NULL,
    version int NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${CATALOGUE_TABLE}_status ON ${CATALOGUE_TABLE} (status)`,
];

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
