import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 容缺受理 and 差评 on the `applications` read model (`rm_application_files_v1`):
 * - `deferred_due_on`: the due date of deferred materials still outstanding (null when none or received),
 *   filled from the folded state for the rows written before;
 * - `feedback_case_id`: the follow-up case a 差评 opened (supervision's `feedback-case.opened`), null otherwise.
 */
export class ApplicationsDeferredAndFeedback1764900000001 implements MigrationInterface {
  name = 'ApplicationsDeferredAndFeedback1764900000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE rm_application_files_v1 ADD COLUMN IF NOT EXISTS deferred_due_on date');
    await runner.query('ALTER TABLE rm_application_files_v1 ADD COLUMN IF NOT EXISTS feedback_case_id text');
    await runner.query(`
      UPDATE rm_application_files_v1 SET deferred_due_on = (state #>> '{deferredMaterials,dueOn}')::date
      WHERE state->>'status' = 'accepted' AND state #> '{deferredMaterials,receivedAt}' = 'null'::jsonb`);
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_application_files_v1_deferred_due ON rm_application_files_v1 (deferred_due_on) WHERE deferred_due_on IS NOT NULL',
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX IF EXISTS rm_application_files_v1_deferred_due');
    await runner.query('ALTER TABLE rm_application_files_v1 DROP COLUMN IF EXISTS feedback_case_id');
    await runner.query('ALTER TABLE rm_application_files_v1 DROP COLUMN IF EXISTS deferred_due_on');
  }
}
