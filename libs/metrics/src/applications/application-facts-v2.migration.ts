import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Application facts, version 2 (projection `assessment-applications` v2): one row per application
 * (what the overdue lists need), and ONE counter table by (grain, day, department, region) — each
 * increment kept on its day (`d`) and on its month (`m`) — holding acceptances by channel,
 * completions, 好差评 by score and the open/overdue deltas. A report over a period reads its whole
 * months and the days at its ends: its cost depends on months × scopes, not on applications.
 */
export class AssessmentApplicationFactsV21764500000001 implements MigrationInterface {
  name = 'AssessmentApplicationFactsV21764500000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_applications_v2 (
        application_id text PRIMARY KEY,
        matter_id text NOT NULL,
        matter_code text NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        channel text NOT NULL,
        promised_workdays int NOT NULL,
        submitted_on date NOT NULL,
        rejected_on date,
        accepted_on date,
        pauses jsonb NOT NULL DEFAULT '[]',
        paused_since date,
        deadline date,
        completed_on date,
        on_time boolean,
        visits smallint,
        outcome text,
        delivered_on date,
        score smallint,
        evaluated_on date
      )`);
    await runner.query(
      `CREATE INDEX IF NOT EXISTS rm_applications_v2_overdue ON rm_applications_v2 (deadline, application_id) WHERE accepted_on IS NOT NULL`,
    );
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_application_counters_v2 (
        grain text NOT NULL CHECK (grain IN ('d', 'm')),
        day date NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        accepted int NOT NULL DEFAULT 0,
        online int NOT NULL DEFAULT 0,
        mobile int NOT NULL DEFAULT 0,
        completed int NOT NULL DEFAULT 0,
        on_time int NOT NULL DEFAULT 0,
        zero_visit int NOT NULL DEFAULT 0,
        s1 int NOT NULL DEFAULT 0,
        s2 int NOT NULL DEFAULT 0,
        s3 int NOT NULL DEFAULT 0,
        s4 int NOT NULL DEFAULT 0,
        s5 int NOT NULL DEFAULT 0,
        open_delta int NOT NULL DEFAULT 0,
        overdue_delta int NOT NULL DEFAULT 0,
        PRIMARY KEY (grain, day, department_id, region_code)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS rm_applications_v2, rm_application_counters_v2');
  }
}
