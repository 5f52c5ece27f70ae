import { MigrationInterface, QueryRunner } from 'typeorm';

const V1_TABLES = [
  'rm_matter_versions_v1',
  'rm_matter_status_v1',
  'rm_matter_codes_v1',
  'rm_applications_v1',
  'rm_acceptances_daily_v1',
  'rm_completions_daily_v1',
  'rm_evaluations_daily_v1',
];

/**
 * Version 1 of the assessment read models (projections `assessment-catalogue` and
 * `assessment-applications` v1) was replaced by version 2 and nothing reads it: a database that
 * still has its tables loses them; a new one never had them. `down` does not bring them back
 * (a rebuild of v1 would be needed to fill them).
 */
export class DropAssessmentV1ReadModels1764600000000 implements MigrationInterface {
  name = 'DropAssessmentV1ReadModels1764600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE IF EXISTS ${V1_TABLES.join(', ')}`);
  }

  async down(): Promise<void> {}
}
