import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matter codes are unique across streams: one row per code, reserved by the registering command
 * before its append (the primary key settles a race) and released when the append fails.
 * `reserved_at` lets a reservation orphaned by a crash (no stream behind it) be taken over.
 */
export class MatterCodes1764200000000 implements MigrationInterface {
  name = 'MatterCodes1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS matter_codes (
        code text PRIMARY KEY,
        matter_id text NOT NULL,
        reserved_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS matter_codes');
  }
}
