import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `matters` read model v1: one row per matter with its latest elements, status, versions and
 * status periods. Indexed for the list filters (department, region, status), ordered by code.
 */
export class MattersReadModelV11764200000001 implements MigrationInterface {
  name = 'MattersReadModelV11764200000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_matters_v1 (
        matter_id text PRIMARY KEY,
        code text NOT NULL,
        name text NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        status text NOT NULL,
        status_reason text,
        catalogue_version int,
        effective_from date,
        stream_version int NOT NULL,
        elements jsonb NOT NULL,
        versions jsonb NOT NULL,
        status_periods jsonb NOT NULL,
        registered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await runner.query('CREATE INDEX IF NOT EXISTS rm_matters_v1_code ON rm_matters_v1 (code)');
    await runner.query('CREATE INDEX IF NOT EXISTS rm_matters_v1_department ON rm_matters_v1 (department_id, status, code)');
    await runner.query('CREATE INDEX IF NOT EXISTS rm_matters_v1_region ON rm_matters_v1 (region_code, status, code)');
    await runner.query('CREATE INDEX IF NOT EXISTS rm_matters_v1_status ON rm_matters_v1 (status, code)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_matters_v1');
  }
}
