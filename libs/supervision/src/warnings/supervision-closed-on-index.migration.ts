import { MigrationInterface, QueryRunner } from 'typeorm';
import { SUPERVISION_APPLICATIONS_TABLE } from '../shared/supervision-tables';

export const SUPERVISION_CLOSED_ON_INDEX = `${SUPERVISION_APPLICATIONS_TABLE}_closed_on`;

/**
 * The sweep's counts of a date's returns and 容缺 suspensions (`closed_on = D`) read this index.
 * It was made first for the applications open on a date late in the year, which
 * `SupervisionOpenPeriodIndex` now finds through a GiST index on the open period. Those were
 * found by `closed_on IS NULL OR closed_on > D`, a handful, but the only index led with
 * `accepted_on`, and `accepted_on <= D` holds for almost every row by autumn (EXPLAIN at 50,000
 * applications as of 2019-11-15: 48,109 index entries and 1,242 heap pages for 80 rows, 10.4 ms;
 * growing with N). With this index the planner ORed two ranges of it (0.36 ms, 80 rows).
 */
export class SupervisionClosedOnIndex1765000000010 implements MigrationInterface {
  name = 'SupervisionClosedOnIndex1765000000010';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(
      `CREATE INDEX IF NOT EXISTS ${SUPERVISION_CLOSED_ON_INDEX} ON ${SUPERVISION_APPLICATIONS_TABLE} (closed_on) WHERE accepted_on IS NOT NULL`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX IF EXISTS ${SUPERVISION_CLOSED_ON_INDEX}`);
  }
}
