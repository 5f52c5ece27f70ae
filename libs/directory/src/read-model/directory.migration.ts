import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEPARTMENTS_TABLE, REGIONS_TABLE } from '../shared/directory-streams';

/** One statement each (PGlite's extended protocol takes one command per query). */
const DDL: readonly string[] = [
  `CREATE TABLE IF NOT EXISTS ${REGIONS_TABLE} (
    code text PRIMARY KEY,
    name text NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL
  )`,
  `CREATE TABLE IF NOT EXISTS ${DEPARTMENTS_TABLE} (
    department_id text PRIMARY KEY,
    name text NOT NULL,
    short_name text NOT NULL,
    region_code text NOT NULL,
    version int NOT NULL,
    position bigint NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS ${DEPARTMENTS_TABLE}_region ON ${DEPARTMENTS_TABLE} (region_code, department_id)`,
];

/** The directory's read model: regions (行政区划) and departments with their names. */
export class DirectoryReadModel1765200000000 implements MigrationInterface {
  name = 'DirectoryReadModel1765200000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of DDL) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of [REGIONS_TABLE, DEPARTMENTS_TABLE]) await runner.query(`DROP TABLE IF EXISTS ${table}`);
  }
}
