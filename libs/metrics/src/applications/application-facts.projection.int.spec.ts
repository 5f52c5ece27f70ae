import { eventsFor } from '@app/event-store';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import { applicationIndicators } from '../indicators/application-indicators.query';
import { operationalFigures } from '../indicators/operational.query';
import { migrate, recorded } from '../shared/projection-test-kit';
import { ApplicationFactsProjection } from './application-facts.projection';

const matter = { code: 'A-1', version: 1, handlingType: 'promised', promisedWorkdays: 3, departmentId: 'scjg', regionCode: '330602' };
const submitted = (id: string, channel: string, at: string, ofMatter = matter) =>
  recorded(`application-${id}`, 1, 'application.submitted', {
    applicationId: id,
    matterId: 'a',
    matter: ofMatter,
    channel,
    applicant: {},
    at,
  });

// 2019-09-27 is a Friday; 2019-09-29 (Sunday) is a make-up working day; 1–7 October are holidays
const history = () => [
  submitted('on-time', 'online', '2019-09-27T09:00:00+08:00'),
  recorded('application-on-time', 2, 'application.accepted', {
    applicationId: 'on-time',
    channel: 'online',
    at: '2019-09-27T09:10:00+08:00',
  }),
  recorded('application-on-time', 3, 'application.completed', {
    applicationId: 'on-time',
    outcome: 'approved',
    visits: 0,
    at: '2019-10-08T10:00:00+08:00',
  }),
  recorded('application-on-time', 4, 'application.evaluated', { applicationId: 'on-time', score: 5, at: '2019-10-08T11:00:00+08:00' }),
  submitted('late', 'window', '2019-09-27T09:00:00+08:00'),
  recorded('application-late', 2, 'application.accepted', { applicationId: 'late', channel: 'window', at: '2019-09-27T09:30:00+08:00' }),
  recorded('application-late', 3, 'application.completed', {
    applicationId: 'late',
    outcome: 'approved',
    visits: 1,
    at: '2019-10-10T10:00:00+08:00',
  }),
  submitted('open', 'mobile', '2019-09-27T09:00:00+08:00'),
  recorded('application-open', 2, 'application.accepted', { applicationId: 'open', channel: 'mobile', at: '2019-09-27T09:30:00+08:00' }),
  recorded('application-open', 3, 'application.suspended', { applicationId: 'open', reason: '等待', at: '2019-09-29T09:00:00+08:00' }),
  recorded('application-open', 4, 'application.resumed', { applicationId: 'open', at: '2019-10-09T09:00:00+08:00' }),
  submitted('refused', 'online', '2019-09-27T09:00:00+08:00'),
  recorded('application-refused', 2, 'application.rejected', {
    applicationId: 'refused',
    reason: '不属于职权',
    at: '2019-09-27T10:00:00+08:00',
  }),
];

describe.each(testBackends())('the application facts projection on %s', (backend) => {
  let db: TestSql;
  const projection = new ApplicationFactsProjection();
  const period = { from: '2019-01-01', to: '2019-10-31' };

  beforeAll(async () => {
    db = await openTestSql(backend, 'metrics');
    await migrate(db.sql);
    const events = history();
    // two batches: rows written by the first are read back by the second
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, events.slice(0, 6)), tx));
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, events.slice(6)), tx));
  }, 60_000);
  afterAll(() => db.dispose());

  it('counts accepted applications by channel and day', async () => {
    expect((await applicationIndicators(db.sql, period, {})).get('')).toEqual({
      accepted: 3,
      onlineAcceptanceRate: { numerator: 2, denominator: 3 },
      mobileAcceptanceRate: { numerator: 1, denominator: 3 },
    });
    expect((await applicationIndicators(db.sql, { from: '2019-09-28', to: '2019-10-31' }, {})).get('')).toBeUndefined();
  });

  it('knows on-time completions, zero visits, evaluations and overdue open applications', async () => {
    // deadline: 3 working days after Fri 27 Sep = Sun 29 Sep (make-up), 30 Sep, 8 Oct
    const figures = await operationalFigures(db.sql, '2019-10-31', period, {});
    expect(figures.onTimeCompletionRate).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    expect(figures.zeroVisitCompletions).toEqual({ numerator: 1, denominator: 2, rate: 50 });
    expect(figures.evaluations).toMatchObject({ total: 1, byScore: { '5': 1 } });
    // the suspended one: (29 Sep, 9 Oct] holds 30 Sep, 8 Oct, 9 Oct → deadline 8 Oct + 3 wd = 11 Oct
    expect(figures).toMatchObject({ openApplications: 1, overdueOpenApplications: 1 });
    expect(await operationalFigures(db.sql, '2019-10-11', period, {})).toMatchObject({ openApplications: 1, overdueOpenApplications: 0 });
  });

  it('does not count an event twice when a batch is applied again', async () => {
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, history()), tx));
    expect((await applicationIndicators(db.sql, period, {})).get('')?.accepted).toBe(3);
    expect((await operationalFigures(db.sql, '2019-10-31', period, {})).onTimeCompletionRate.denominator).toBe(2);
  });
});

describe.each(testBackends())('the application counters on %s, however the events are cut into batches', (backend) => {
  let db: TestSql;
  const projection = new ApplicationFactsProjection();
  beforeAll(async () => {
    db = await openTestSql(backend, 'metrics');
    await migrate(db.sql);
  }, 60_000);
  afterAll(() => db.dispose());

  const counterRows = () =>
    db.sql.query(`SELECT grain, day::text, department_id, region_code, accepted, online, mobile, completed, on_time, zero_visit,
                         s1, s2, s3, s4, s5, open_delta, overdue_delta
                  FROM rm_application_counters_v2 ORDER BY grain, day, department_id, region_code`);

  it('holds the same rows one event per batch as in one batch: a row brought back to zero is deleted', async () => {
    // in another region: accepted Tue 8 Oct, deadline 11 Oct, so overdue from 12 Oct (+1) — until the
    // suspension of 9 Oct takes that back (−1): alone in its region, that day's row returns to zero
    const elsewhere = { ...matter, regionCode: '330603' };
    const events = [
      ...history(),
      submitted('paused', 'window', '2019-10-08T09:00:00+08:00', elsewhere),
      recorded('application-paused', 2, 'application.accepted', {
        applicationId: 'paused',
        channel: 'window',
        at: '2019-10-08T09:10:00+08:00',
      }),
      recorded('application-paused', 3, 'application.suspended', {
        applicationId: 'paused',
        reason: '等待',
        at: '2019-10-09T09:00:00+08:00',
      }),
    ];
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, events), tx));
    const oneBatch = await counterRows();
    expect(oneBatch.length).toBeGreaterThan(0);

    await db.sql.transaction((tx) => projection.reset(tx));
    for (const event of events) await db.sql.transaction((tx) => projection.apply(eventsFor(projection, [event]), tx));
    expect(await counterRows()).toEqual(oneBatch);
  });
});

describe.each(testBackends())('a returned application (退件, application.returned) on %s', (backend) => {
  let db: TestSql;
  const projection = new ApplicationFactsProjection();
  const period = { from: '2019-01-01', to: '2019-12-31' };
  beforeAll(async () => {
    db = await openTestSql(backend, 'metrics');
    await migrate(db.sql);
    // accepted Mon 2 Sep (deadline 3 wd: 5 Sep), suspended for overdue materials 5 Sep, returned 20 Sep
    const events = [
      submitted('returned', 'online', '2019-09-02T09:00:00+08:00'),
      recorded('application-returned', 2, 'application.accepted', {
        applicationId: 'returned',
        channel: 'online',
        deferredMaterials: { items: ['营业执照'], dueOn: '2019-09-04' },
        at: '2019-09-02T09:10:00+08:00',
      }),
      recorded('application-returned', 3, 'application.suspended', {
        applicationId: 'returned',
        reason: 'deferred_materials_overdue',
        at: '2019-09-05T00:05:00+08:00',
      }),
      recorded('application-returned', 4, 'application.returned', {
        applicationId: 'returned',
        reason: 'deferred_materials_missing',
        items: ['营业执照'],
        at: '2019-09-26T00:05:00+08:00',
      }),
      // the same again (a replayed batch) and a completion the domain would refuse: nothing changes
      recorded('application-returned', 4, 'application.returned', {
        applicationId: 'returned',
        reason: 'deferred_materials_missing',
        items: ['营业执照'],
        at: '2019-09-26T00:05:00+08:00',
      }),
      recorded('application-returned', 5, 'application.completed', {
        applicationId: 'returned',
        outcome: 'approved',
        visits: 0,
        at: '2019-09-27T10:00:00+08:00',
      }),
    ];
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, events.slice(0, 3)), tx));
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, events.slice(3)), tx));
  }, 60_000);
  afterAll(() => db.dispose());

  it('counts as accepted, never as completed nor on time, and is no longer open from its return date', async () => {
    expect((await applicationIndicators(db.sql, period, {})).get('')).toMatchObject({
      accepted: 1,
      onlineAcceptanceRate: { numerator: 1, denominator: 1 },
    });
    const figures = await operationalFigures(db.sql, '2019-12-31', period, {});
    expect(figures.onTimeCompletionRate).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(figures.zeroVisitCompletions).toEqual({ numerator: 0, denominator: 0, rate: null });
    expect(figures).toMatchObject({ openApplications: 0, overdueOpenApplications: 0 });
    expect(await operationalFigures(db.sql, '2019-09-25', period, {})).toMatchObject({ openApplications: 1, overdueOpenApplications: 0 });
    const [row] = await db.sql.query<{ returned_on: string; completed_on: string | null; on_time: boolean | null }>(
      `SELECT returned_on::text, completed_on::text, on_time FROM rm_applications_v2 WHERE application_id = 'returned'`,
    );
    expect(row).toEqual({ returned_on: '2019-09-26', completed_on: null, on_time: null });
  });
});
