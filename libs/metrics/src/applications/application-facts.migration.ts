import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Application facts (projection `assessment-applications` v1): one row per application (what the
 * overdue lists need) and daily counters per (business date, department, region), maintained by
 * upserts, so a report over a year reads at most 366 × departments × regions rows however many
 * events lie behind them.
 */
export class AssessmentApplicationFacts1764400000001 implements MigrationInterface {
  name = 'AssessmentApplicationFacts1764400000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_applications_v1 (
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
      `CREATE INDEX IF NOT EXISTS rm_applications_v1_open ON rm_applications_v1 (deadline, accepted_on) WHERE accepted_on IS NOT NULL`,
    );
    await runner.query(`CREATE INDEX IF NOT EXISTS rm_applications_v1_scope ON rm_applications_v1 (region_code, department_id)`);
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_acceptances_daily_v1 (
        day date NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        channel text NOT NULL,
        accepted int NOT NULL,
        PRIMARY KEY (day, department_id, region_code, channel)
      )`);
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_completions_daily_v1 (
        day date NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        completed int NOT NULL,
        on_time int NOT NULL,
        zero_visit int NOT NULL,
        PRIMARY KEY (day, department_id, region_code)
      )`);
    await runner.query(`
      CREATE TABLE IF NOT EXISTS rm_evaluations_daily_v1 (
        day date NOT NULL,
        department_id text NOT NULL,
        region_code text NOT NULL,
        score smallint NOT NULL,
        evaluations int NOT NULL,
        PRIMARY KEY (day, department_id, region_code, score)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(
      'DROP TABLE IF EXISTS rm_applications_v1, rm_acceptances_daily_v1, rm_completions_daily_v1, rm_evaluations_daily_v1',
    );
  }
}
