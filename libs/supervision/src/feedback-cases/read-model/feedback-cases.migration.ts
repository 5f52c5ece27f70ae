import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `feedback-cases` read model, version 1 (`FeedbackCasesProjection`): one row per follow-up
 * case of a 差评, the folded state plus the columns the list filters on. `contacted_on` and
 * `rectified_on` (business dates) let the list decide `overdue` as of any date in SQL, the same
 * rule as the domain's `feedbackCaseOverdue`.
 */
export class FeedbackCasesReadModel1764900000002 implements MigrationInterface {
  name = 'FeedbackCasesReadModel1764900000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_feedback_cases_v1 (
        case_id text PRIMARY KEY,
        version int NOT NULL,
        position bigint NOT NULL,
        application_id text NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        status text NOT NULL,
        score int NOT NULL,
        opened_at timestamptz NOT NULL,
        opened_on date NOT NULL,
        contact_due_on date NOT NULL,
        rectify_due_on date NOT NULL,
        contacted_on date,
        rectified_on date,
        re_score int,
        state jsonb NOT NULL
      )`);
    await runner.query(
      'CREATE INDEX IF NOT EXISTS rm_feedback_cases_v1_department ON rm_feedback_cases_v1 (department_id, status, opened_at DESC)',
    );
    await runner.query('CREATE INDEX IF NOT EXISTS rm_feedback_cases_v1_opened ON rm_feedback_cases_v1 (opened_at DESC, case_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_feedback_cases_v1');
  }
}
