import type { QueryRunner } from 'typeorm';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import { SupervisionReadModels1764610000000 } from '../shared/supervision.migration';
import { SUPERVISION_APPLICATIONS_TABLE } from '../shared/supervision-tables';
import { SUPERVISION_CLOSED_ON_INDEX, SupervisionClosedOnIndex1765000000010 } from './supervision-closed-on-index.migration';
import { openSnapshotsOn } from './warnings.queries';

/** 3,000 applications accepted and completed in January, 4 still open (one returned in November), 200 never accepted. */
async function seed(db: TestSql): Promise<void> {
  await db.sql.query(
    `INSERT INTO ${SUPERVISION_APPLICATIONS_TABLE}
       (application_id, matter_id, department_id, region_code, promised_workdays, accepted_on, pauses, closed_on, closed_as,
        deferred, has_red_card, last_at, version, position)
     SELECT 'a' || lpad(n::text, 5, '0'), 'm', 'dept', '330602', 5,
            CASE WHEN n > 3004 THEN NULL WHEN n > 3000 THEN DATE '2019-10-28' ELSE DATE '2019-01-02' + (n % 20) END,
            '[]'::jsonb,
            CASE WHEN n <= 3000 THEN DATE '2019-01-25' + (n % 5) WHEN n = 3004 THEN DATE '2019-11-20' END,
            CASE WHEN n <= 3000 THEN 'completed' WHEN n = 3004 THEN 'returned' END,
            NULL, false, '2019-10-28T10:00:00+08:00', 2, n
       FROM generate_series(1, 3204) AS n`,
  );
  await db.sql.query(`ANALYZE ${SUPERVISION_APPLICATIONS_TABLE}`);
}

const plan = async (db: TestSql, query: string) =>
  (await db.sql.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${query}`)).map((row) => row['QUERY PLAN']).join('\n');

const OPEN_ON = (date: string) =>
  `SELECT application_id FROM ${SUPERVISION_APPLICATIONS_TABLE}
    WHERE accepted_on IS NOT NULL AND accepted_on <= DATE '${date}' AND (closed_on IS NULL OR closed_on > DATE '${date}')`;

describe.each(testBackends())('supervision closed_on index on %s', (backend) => {
  let db: TestSql;
  const runner = () => ({ query: (text: string) => db.sql.query(text) }) as unknown as QueryRunner;

  beforeAll(async () => {
    db = await openTestSql(backend, 'supervision_closed_on');
    await new SupervisionReadModels1764610000000().up(runner());
    await new SupervisionClosedOnIndex1765000000010().up(runner());
    await seed(db);
  });
  afterAll(() => db.dispose());

  it('is created once (a second run changes nothing) and the open applications of a late date are read through it', async () => {
    await new SupervisionClosedOnIndex1765000000010().up(runner());
    const indexes = await db.sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = $1`, [
      SUPERVISION_APPLICATIONS_TABLE,
    ]);
    expect(indexes.map((row) => row.indexname)).toContain(SUPERVISION_CLOSED_ON_INDEX);
    expect(await plan(db, OPEN_ON('2019-11-15'))).toContain(SUPERVISION_CLOSED_ON_INDEX);
    expect(
      await plan(
        db,
        `SELECT count(*) FROM ${SUPERVISION_APPLICATIONS_TABLE} WHERE accepted_on IS NOT NULL AND closed_on = DATE '2019-11-20'`,
      ),
    ).toContain(SUPERVISION_CLOSED_ON_INDEX);
  });

  it('leaves the answer as it was: the applications open on a date, early or late in the year', async () => {
    const ids = async (date: string) => (await openSnapshotsOn(db.sql, date)).map(({ row }) => row.application_id);
    expect(await ids('2019-11-15')).toEqual(['a03001', 'a03002', 'a03003', 'a03004']);
    expect(await ids('2019-11-20')).toEqual(['a03001', 'a03002', 'a03003']);
    expect(await ids('2019-01-02')).toHaveLength(150); // accepted on the 2nd (n % 20 = 0), none closed yet
  });

  it('down drops it', async () => {
    await new SupervisionClosedOnIndex1765000000010().down(runner());
    const indexes = await db.sql.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename = $1`, [
      SUPERVISION_APPLICATIONS_TABLE,
    ]);
    expect(indexes.map((row) => row.indexname)).not.toContain(SUPERVISION_CLOSED_ON_INDEX);
  });
});
