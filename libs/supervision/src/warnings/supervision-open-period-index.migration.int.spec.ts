import type { QueryRunner } from 'typeorm';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import { SupervisionReadModels1764610000000 } from '../shared/supervision.migration';
import { SUPERVISION_APPLICATIONS_TABLE } from '../shared/supervision-tables';
import {
  OPEN_PERIOD,
  SUPERVISION_OPEN_PERIOD_INDEX,
  SupervisionOpenPeriodIndex1765300000000,
} from './supervision-open-period-index.migration';
import { openSnapshotsOn } from './warnings.queries';

/**
 * 6,000 applications accepted through the year, each closed 3–40 days later (every 7th still open,
 * every 50th never accepted), plus one row closed before its acceptance (open on no date).
 */
async function seed(db: TestSql): Promise<void> {
  await db.sql.query(
    `INSERT INTO ${SUPERVISION_APPLICATIONS_TABLE}
       (application_id, matter_id, department_id, region_code, promised_workdays, accepted_on, pauses, closed_on, closed_as,
        deferred, has_red_card, last_at, version, position)
     SELECT 'a' || lpad(n::text, 5, '0'), 'm', 'dept', '330602', 5, accepted, '[]'::jsonb, closed,
            CASE WHEN closed IS NULL THEN NULL ELSE 'completed' END, NULL, false, '2019-10-28T10:00:00+08:00', 2, n
       FROM generate_series(1, 6000) AS n,
            LATERAL (SELECT CASE WHEN n % 50 = 0 THEN NULL ELSE DATE '2019-01-01' + (n % 360) END AS accepted) a,
            LATERAL (SELECT CASE WHEN accepted IS NULL OR n % 7 = 0 THEN NULL ELSE accepted + 3 + (n % 38) END AS closed) c`,
  );
  await db.sql.query(
    `INSERT INTO ${SUPERVISION_APPLICATIONS_TABLE}
       (application_id, matter_id, department_id, region_code, promised_workdays, accepted_on, pauses, closed_on, closed_as,
        deferred, has_red_card, last_at, version, position)
     VALUES ('b00001', 'm', 'dept', '330602', 5, DATE '2019-06-10', '[]'::jsonb, DATE '2019-06-05', 'completed', NULL, false, '2019-06-10T10:00:00+08:00', 3, 6001)`,
  );
  await db.sql.query(`ANALYZE ${SUPERVISION_APPLICATIONS_TABLE}`);
}

/** The rows open on a date as the definition says it (sharing nothing with the query under test). */
async function openByDefinition(db: TestSql, date: string): Promise<string[]> {
  const rows = await db.sql.query<{ id: string }>(
    `SELECT application_id AS id FROM ${SUPERVISION_APPLICATIONS_TABLE}
      WHERE accepted_on IS NOT NULL AND accepted_on <= $1::date AND (closed_on IS NULL OR closed_on > $1::date) ORDER BY application_id`,
    [date],
  );
  return rows.map((row) => row.id);
}

describe.each(testBackends())('supervision open-period index on %s', (backend) => {
  let db: TestSql;
  const runner = () => ({ query: (text: string) => db.sql.query(text) }) as unknown as QueryRunner;

  beforeAll(async () => {
    db = await openTestSql(backend, 'supervision_open_period');
    await new SupervisionReadModels1764610000000().up(runner());
    await seed(db);
    await new SupervisionOpenPeriodIndex1765300000000().up(runner());
  });
  afterAll(() => db.dispose());

  it('answers exactly the applications open on each date (accepted on or before it, not closed by then)', async () => {
    for (const date of ['2019-01-01', '2019-02-14', '2019-06-07', '2019-06-10', '2019-10-01', '2019-11-15', '2019-12-31', '2020-03-01']) {
      const found = (await openSnapshotsOn(db.sql, date)).map(({ row }) => row.application_id);
      expect(found).toEqual(await openByDefinition(db, date));
    }
    expect((await openSnapshotsOn(db.sql, '2019-06-07')).map(({ row }) => row.application_id)).not.toContain('b00001');
  });

  it('is created once, and the few applications open on a date are found through it', async () => {
    await new SupervisionOpenPeriodIndex1765300000000().up(runner());
    const indexes = await db.sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = $1`, [
      SUPERVISION_APPLICATIONS_TABLE,
    ]);
    expect(indexes.map((row) => row.indexname)).toContain(SUPERVISION_OPEN_PERIOD_INDEX);
    const plan = await db.sql.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN SELECT application_id FROM ${SUPERVISION_APPLICATIONS_TABLE}
        WHERE accepted_on IS NOT NULL AND ${OPEN_PERIOD} @> DATE '2019-01-01'`,
    );
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain(SUPERVISION_OPEN_PERIOD_INDEX);
  });

  it('down drops it', async () => {
    await new SupervisionOpenPeriodIndex1765300000000().down(runner());
    const indexes = await db.sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = $1`, [
      SUPERVISION_APPLICATIONS_TABLE,
    ]);
    expect(indexes.map((row) => row.indexname)).not.toContain(SUPERVISION_OPEN_PERIOD_INDEX);
  });
});
