import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dated catalogue, version 2 (projection `assessment-catalogue` v2): per matter its timeline
 * (versions and status changes), and the periods in which each version is in force, worked out
 * when the events arrive. The matter-level indicators as of a date then read one row per matter
 * in force (`valid_from <= date < valid_to`) instead of picking statuses and versions per request.
 */
export class AssessmentCatalogueV21764500000000 implements MigrationInterface {
  name = 'AssessmentCatalogueV21764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_matter_timelines_v2 (
        matter_id text PRIMARY KEY,
        code text,
        versions jsonb NOT NULL DEFAULT '[]',
        statuses jsonb NOT NULL DEFAULT '[]'
      )`);
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_matter_in_force_v2 (
        matter_id text NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
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
        PRIMARY KEY (matter_id, valid_from)
      )`);
    await runner.query(`CREATE INDEX IF NOT EXISTS rm_matter_in_force_v2_dates ON rm_matter_in_force_v2 (valid_from, valid_to)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_matter_timelines_v2, rm_matter_in_force_v2');
  }
}
