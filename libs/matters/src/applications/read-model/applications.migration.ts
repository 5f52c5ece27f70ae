import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `applications` read model, version 1 (`ApplicationsProjection`), table `rm_application_files_v1`
 * (one 办件 file per row; `rm_applications_v2` is the assessment facts of libs/metrics). One row per application:
 * the folded state (for the as-of clock) plus the columns the list filters on. `deadline` counts
 * only closed pauses; an open pause can only move it later, so `deadline < today` finds every
 * open application that may be overdue.
 */
export class ApplicationsReadModel1764300000001 implements MigrationInterface {
  name = 'ApplicationsReadModel1764300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_application_files_v1 (
        application_id text PRIMARY KEY,
        version int NOT NULL,
        position bigint NOT NULL,
        matter_id text NOT NULL,
        matter_code text NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        channel text NOT NULL,
        status text NOT NULL,
        submitted_at timestamptz NOT NULL,
        accepted_at timestamptz,
        accepted_on date,
        completed_on date,
        outcome text,
        visits int,
        evaluation_score int,
        deadline date,
        open_pauses int NOT NULL DEFAULT 0,
        completed_late boolean NOT NULL DEFAULT false,
        key_id text NOT NULL,
        state jsonb NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_application_files_v1_department ON rm_application_files_v1 (department_id, status, submitted_at DESC)',
    );
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_application_files_v1_submitted ON rm_application_files_v1 (submitted_at DESC, application_id)',
    );
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_application_files_v1_open_deadline ON rm_application_files_v1 (deadline) WHERE completed_on IS NULL AND deadline IS NOT NULL',
    );
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_application_files_v1_late ON rm_application_files_v1 (department_id) WHERE completed_late',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_application_files_v1');
  }
}
