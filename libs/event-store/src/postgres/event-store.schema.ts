import { SqlClient } from '../sql/sql-client';

/**
 * Advisory-lock class ids of the event store (the two-int form, so they never collide with the
 * single-bigint keys of `SqlClient.tryAdvisoryLock`).
 */
export const SCHEMA_LOCK_CLASS = 0x45530001;
export const STREAM_LOCK_CLASS = 0x45530002;

/**
 * Creates the event store's tables if they are missing. Idempotent, and safe when several
 * processes start at once: the DDL runs in one transaction under a transaction-level advisory
 * lock (concurrent `CREATE TABLE IF NOT EXISTS` can otherwise fail on the catalog's unique index).
 *
 * `transaction_id` is the writing transaction's id (`xid8`, assigned on its first write); together
 * with `position` it gives the commit-safe order `readAll` uses (see `postgres-event-store.ts`).
 */
export async function ensureEventStoreSchema(sql: SqlClient): Promise<void> {
  await sql.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK_CLASS}, 0)`);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS es_streams (
        stream_id text PRIMARY KEY,
        version bigint NOT NULL
      )`);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS es_events (
        position bigserial PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        version bigint NOT NULL,
        type text NOT NULL,
        schema_version int NOT NULL DEFAULT 1,
        data jsonb,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (stream_id, version)
      )`);
    await tx.query('CREATE INDEX IF NOT EXISTS es_events_transaction_position ON es_events (transaction_id, position)');
  });
}
