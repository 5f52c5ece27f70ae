import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bundle codes are unique across streams, like matter codes: one row per code, reserved before the append. */
export class BundleCodes1765000000000 implements MigrationInterface {
  name = 'BundleCodes1765000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS bundle_codes (
        code text PRIMARY KEY,
        bundle_id text NOT NULL,
        reserved_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS bundle_codes');
  }
}
