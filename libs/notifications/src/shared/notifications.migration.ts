import { MigrationInterface, QueryRunner } from 'typeorm';
import { DELIVERIES_TABLE, SECRETS_TABLE, STREAM_DEPARTMENTS_TABLE, SUBSCRIPTIONS_TABLE } from './notification-tables';

/** One statement each (PGlite's extended protocol takes one command per query). */
const DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${SUBSCRIPTIONS_TABLE} (
    subscription_id text PRIMARY KEY,
    url text NOT NULL,
    types jsonb NOT NULL,
    department_id text NULL,
    status text NOT NULL,
    created_at text NOT NULL,
    deleted_at text NULL,
    version int NOT NULL,
    position bigint NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${STREAM_DEPARTMENTS_TABLE} (
    stream_id text PRIMARY KEY,
    department_id text NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${DELIVERIES_TABLE} (
    delivery_id uuid PRIMARY KEY,
    seq bigserial NOT NULL UNIQUE,
    subscription_id text NOT NULL,
    event_id text NOT NULL,
    event_type text NOT NULL,
    position bigint NOT NULL,
    body text NOT NULL,
    status text NOT NULL,
    attempts int NOT NULL DEFAULT 0,
    round_attempts int NOT NULL DEFAULT 0,
    last_status int NULL,
    last_error text NULL,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    give_up_at timestamptz NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz NULL,
    retried_position bigint NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${DELIVERIES_TABLE}_pending ON ${DELIVERIES_TABLE} (subscription_id, seq) WHERE status = 'pending'`,
  `CREATE INDEX IF NOT EXISTS ${DELIVERIES_TABLE}_log ON ${DELIVERIES_TABLE} (subscription_id, status, seq)`,
  `CREATE TABLE IF NOT EXISTS ${SECRETS_TABLE} (
    subscription_id text PRIMARY KEY,
    secret text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
];

/** Webhook subscriptions (read model), streams' departments, the delivery outbox and the signing secrets. */
export class Notifications1765100000000 implements MigrationInterface {
  name = 'Notifications1765100000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of DDL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [SUBSCRIPTIONS_TABLE, STREAM_DEPARTMENTS_TABLE, DELIVERIES_TABLE, SECRETS_TABLE])
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
