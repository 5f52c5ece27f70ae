import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 退件 on the application facts (projection `assessment-applications` v2): the date an application
 * was returned (`application.returned`). A returned application stays counted as accepted, is never
 * completed nor on time, and is no longer open (nor overdue) from that date.
 */
export class AssessmentApplicationReturned1764700000000 implements MigrationInterface {
  name = 'AssessmentApplicationReturned1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE rm_applications_v2 ADD COLUMN IF NOT EXISTS returned_on date');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE rm_applications_v2 DROP COLUMN IF EXISTS returned_on');
  }
}
