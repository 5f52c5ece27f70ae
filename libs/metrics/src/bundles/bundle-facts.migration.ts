import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 一件事 facts, version 1 (projection `assessment-bundles` v1): one row per member application
 * of a bundle application, with the member's department and region and the business date of the
 * submission, so a bundle application counts in every scope one of its members belongs to.
 */
export class AssessmentBundlesV11765000000003 implements MigrationInterface {
  name = 'AssessmentBundlesV11765000000003';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_assessment_bundle_members_v1 (
        application_id text PRIMARY KEY,
        bundle_application_id text NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        submitted_on date NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_assessment_bundle_members_v1_submitted ON rm_assessment_bundle_members_v1 (submitted_on)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_assessment_bundle_members_v1');
  }
}
