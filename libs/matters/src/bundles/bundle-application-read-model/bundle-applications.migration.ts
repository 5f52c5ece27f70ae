import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `bundle-applications` read model v1: a row per bundle application and one per member
 * application. The members' status and deadline are the `applications` read model's (joined by
 * the queries), so a member is shown exactly as its own department sees it.
 */
export class BundleApplicationsReadModel1765000000002 implements MigrationInterface {
  name = 'BundleApplicationsReadModel1765000000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_bundle_applications_v1 (
        bundle_application_id text PRIMARY KEY,
        bundle_id text NOT NULL,
        bundle_version int NOT NULL,
        channel text NOT NULL,
        submitted_at text NOT NULL,
        position bigint NOT NULL
      )`);
    await runner.query('CREATE INDEX IF NOT EXISTS rm_bundle_applications_v1_bundle ON rm_bundle_applications_v1 (bundle_id, position)');
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_bundle_application_members_v1 (
        application_id text PRIMARY KEY,
        bundle_application_id text NOT NULL,
        ordinal int NOT NULL,
        matter_id text NOT NULL,
        department_id text NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_bundle_application_members_v1_bundle ON rm_bundle_application_members_v1 (bundle_application_id, ordinal)',
    );
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_bundle_application_members_v1_department ON rm_bundle_application_members_v1 (department_id)',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_bundle_application_members_v1');
    await runner.query('DROP TABLE IF EXISTS rm_bundle_applications_v1');
  }
}
