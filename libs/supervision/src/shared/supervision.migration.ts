import { MigrationInterface, QueryRunner } from 'typeorm';
import { RED_CARDS_TABLE, SUPERVISION_APPLICATIONS_TABLE, SWEEPS_TABLE } from './supervision-tables';

/** One statement each (PGlite's extended protocol takes one command per query). */
const DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${RED_CARDS_TABLE} (
    card_id text PRIMARY KEY,
    application_id text NOT NULL,
    department_id text NOT NULL,
    region_code text NOT NULL,
    issued_on date NOT NULL,
    deadline date NOT NULL,
    status text NOT NULL,
    explanation jsonb NULL,
    reviews jsonb NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${RED_CARDS_TABLE}_department ON ${RED_CARDS_TABLE} (department_id, issued_on)`,
  `CREATE INDEX IF NOT EXISTS ${RED_CARDS_TABLE}_issued_on ON ${RED_CARDS_TABLE} (issued_on)`,
  `CREATE TABLE IF NOT EXISTS ${SUPERVISION_APPLICATIONS_TABLE} (
    application_id text PRIMARY KEY,
    matter_id text NOT NULL,
    department_id text NOT NULL,
    region_code text NOT NULL,
    promised_workdays int NOT NULL,
    accepted_on date NULL,
    pauses jsonb NOT NULL,
    closed_on date NULL,
    closed_as text NULL,
    deferred jsonb NULL,
    has_red_card boolean NOT NULL,
    last_at text NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${SUPERVISION_APPLICATIONS_TABLE}_open ON ${SUPERVISION_APPLICATIONS_TABLE} (accepted_on, closed_on)
     WHERE accepted_on IS NOT NULL`,
  `CREATE TABLE IF NOT EXISTS ${SWEEPS_TABLE} (
    date date PRIMARY KEY,
    trigger text NOT NULL,
    counts jsonb NOT NULL,
    at text NOT NULL,
    position bigint NOT NULL
  )`,
];

/** Read models of active supervision: red cards, each accepted application's supervision facts, the recorded sweeps. */
export class SupervisionReadModels1764610000000 implements MigrationInterface {
  name = 'SupervisionReadModels1764610000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of DDL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [RED_CARDS_TABLE, SUPERVISION_APPLICATIONS_TABLE, SWEEPS_TABLE])
      await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
