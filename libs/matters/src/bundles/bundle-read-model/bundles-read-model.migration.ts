import { MigrationInterface, QueryRunner } from 'typeorm';

/** The `bundles` read model v1: one row per 一件事 bundle, its current version and members; listed by code. */
export class BundlesReadModel1765000000001 implements MigrationInterface {
  name = 'BundlesReadModel1765000000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_bundles_v1 (
        bundle_id text PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        version int NOT NULL,
        members jsonb NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX IF NOT EXISTS rm_bundles_v1_code ON rm_bundles_v1 (code, bundle_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_bundles_v1');
  }
}
