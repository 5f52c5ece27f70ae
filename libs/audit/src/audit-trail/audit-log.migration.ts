import { MigrationInterface, QueryRunner } from 'typeorm';
import { AUDIT_LOG_TABLE } from './audit-log.table';

/**
 * One statement each (PGlite's extended protocol takes one command per query). `first_version`,
 * `last_version` and `at_time` are not hashed: they only serve de-duplication and filters.
 */
const AUDIT_LOG_DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${AUDIT_LOG_TABLE} (
    seq bigint PRIMARY KEY,
    at text NOT NULL,
    at_time timestamptz NOT NULL,
    actor text NOT NULL,
    roles jsonb NOT NULL,
    command jsonb NOT NULL,
    stream_id text NULL,
    position bigint NULL,
    first_version bigint NULL,
    last_version bigint NULL,
    prev_hash text NOT NULL,
    hash text NOT NULL,
    recorded_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX IF NOT EXISTS ${AUDIT_LOG_TABLE}_actor ON ${AUDIT_LOG_TABLE} (actor, seq)`,
  `CREATE INDEX IF NOT EXISTS ${AUDIT_LOG_TABLE}_stream ON ${AUDIT_LOG_TABLE} (stream_id, last_version)`,
  `CREATE INDEX IF NOT EXISTS ${AUDIT_LOG_TABLE}_at ON ${AUDIT_LOG_TABLE} (at_time)`,
  `CREATE OR REPLACE FUNCTION ${AUDIT_LOG_TABLE}_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
   END $$`,
  `CREATE OR REPLACE TRIGGER ${AUDIT_LOG_TABLE}_append_only BEFORE UPDATE OR DELETE ON ${AUDIT_LOG_TABLE}
   FOR EACH ROW EXECUTE FUNCTION ${AUDIT_LOG_TABLE}_refuse_change()`,
  `CREATE OR REPLACE TRIGGER ${AUDIT_LOG_TABLE}_no_truncate BEFORE TRUNCATE ON ${AUDIT_LOG_TABLE}
   FOR EACH STATEMENT EXECUTE FUNCTION ${AUDIT_LOG_TABLE}_refuse_change()`,
];

/** The tamper-evident audit trail (append-only hash chain). `down` refuses: the chain is never dropped by a migration. */
export class AuditLog1764160000000 implements MigrationInterface {
  name = 'AuditLog1764160000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of AUDIT_LOG_DDL) await runner.query(statement);
  }

  async down(): Promise<void> {
    throw new Error(`${AUDIT_LOG_TABLE} is an append-only audit chain; it is not dropped by a migration`);
  }
}
