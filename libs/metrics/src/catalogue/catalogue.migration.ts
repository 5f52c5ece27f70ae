import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dated catalogue read model (projection `assessment-catalogue` v1): one row per (matter,
 * version) with the indicator inputs flattened, and one row per status change with its date.
 * Matter-level indicators as of a date pick each matter's status and version in force that day.
 */
export class AssessmentCatalogue1764400000000 implements MigrationInterface {
  name = 'AssessmentCatalogue1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_matter_versions_v1 (
        matter_id text NOT NULL,
        version int NOT NULL,
        effective_from date NOT NULL,
        code text,
        department_id text NOT NULL,
        region_code text NOT NULL,
        handling_type text NOT NULL,
        legal_workdays int,
        promised_workdays int NOT NULL,
        max_visits smallint NOT NULL,
        online boolean NOT NULL,
        mobile boolean NOT NULL,
        exempt_online boolean NOT NULL,
        exempt_mobile boolean NOT NULL,
        exempt_zero_visit boolean NOT NULL,
        materials_total int NOT NULL,
        materials_electronic int NOT NULL,
        cross_city text[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (matter_id, version)
      )`);
    await runner.query(
      `CREATE INDEX IF NOT EXISTS rm_matter_versions_v1_in_force ON rm_matter_versions_v1 (matter_id, effective_from DESC, version DESC)`,
    );
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_matter_status_v1 (
        matter_id text NOT NULL,
        seq int NOT NULL,
        status text NOT NULL,
        from_date date NOT NULL,
        PRIMARY KEY (matter_id, seq)
      )`);
    await runner.query(`CREATE INDEX IF NOT EXISTS rm_matter_status_v1_on ON rm_matter_status_v1 (matter_id, from_date DESC, seq DESC)`);
    await runner.query(`CREATE TABLE IF NOT EXISTS rm_matter_codes_v1 (matter_id text PRIMARY KEY, code text NOT NULL)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_matter_versions_v1, rm_matter_status_v1, rm_matter_codes_v1');
  }
}
