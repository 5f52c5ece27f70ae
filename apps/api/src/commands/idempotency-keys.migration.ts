import { MigrationInterface, QueryRunner } from 'typeorm';

/** Responses remembered per (user, Idempotency-Key); rows older than a day may be purged. */
export class IdempotencyKeys1764150000000 implements MigrationInterface {
  name = 'IdempotencyKeys1764150000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS idempotency_keys (
        user_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status int NOT NULL,
        body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS idempotency_keys');
  }
}
