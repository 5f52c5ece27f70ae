import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Supervision facts, version 1 (projection `assessment-supervision` v1): one row per red card
 * (红牌, by the date of the sweep that issued it) and one per bad-review follow-up case (差评整改,
 * with its rectification due date and the date it was rectified). Cards and cases are few beside
 * applications, so the figures count rows.
 */
export class AssessmentSupervisionV11764700000001 implements MigrationInterface {
  name = 'AssessmentSupervisionV11764700000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_assessment_red_cards_v1 (
        card_id text PRIMARY KEY,
        application_id text NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        issued_on date NOT NULL
      )`);
    await runner.query(`CREATE INDEX IF NOT EXISTS rm_assessment_red_cards_v1_issued ON rm_assessment_red_cards_v1 (issued_on)`);
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_assessment_feedback_cases_v1 (
        case_id text PRIMARY KEY,
        application_id text NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        score smallint NOT NULL,
        opened_on date NOT NULL,
        rectify_due_on date NOT NULL,
        rectified_on date
      )`);
    await runner.query(`CREATE INDEX IF NOT EXISTS rm_assessment_feedback_cases_v1_opened ON rm_assessment_feedback_cases_v1 (opened_on)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_assessment_red_cards_v1, rm_assessment_feedback_cases_v1');
  }
}
