import { testBackends } from '@app/event-store/testing';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { dailyNoticeIdOf, redCardIdOf, Sweeper } from '@app/supervision';
import { admin, DEPT_A, DEPT_B, eventCount, sqlOf } from './support/applications';
import { expectNothingAppended, expectProblem } from './matters-e2e.fixtures';
import { startTestApp, type TestApp } from './support/test-app';
import { buildCity, get, post } from './supervision/supervision-city';
import { datesFrom, expectedWarning, type ModelApplication } from './supervision/working-days-2019';

/**
 * Active supervision through the API: warnings as of any date equal an independent computation
 * (the test's own 2019 working-day counter), sweeps over a range of dates issue the expected red
 * cards once, and the card's explanation and review follow their rules.
 */
jest.setTimeout(120_000);

describe.each(testBackends())('supervision: warnings, sweeps and red cards on %s', (backend) => {
  let t: TestApp;
  let city: ModelApplication[];
  let assessor: string;

  beforeAll(async () => {
    t = await startTestApp(backend, { SWEEP_AT: 'off' });
    assessor = t.token({ roles: ['assessor'], sub: 'assessor-1' });
    city = await buildCity(t);
  });
  afterAll(() => t.close());

  /** `?minPosition=` of the last event appended so far: the read models have processed everything. */
  const caughtUp = async () => {
    const [{ head }] = await sqlOf(t).query<{ head: string }>('SELECT coalesce(max(position), 0)::text AS head FROM es_events');
    return { minPosition: Number(head) };
  };

  it('answers the warnings of each date as the independent computation does (National Day week, make-up days)', async () => {
    const dates = [
      '2019-09-27',
      '2019-09-29',
      '2019-09-30',
      '2019-10-01',
      '2019-10-05',
      '2019-10-08',
      '2019-10-09',
      '2019-10-10',
      '2019-10-11',
      '2019-10-12',
      '2019-10-13',
      '2019-10-14',
    ];
    for (const asOf of dates) {
      const response = await get(t, assessor, '/warnings', { asOf, pageSize: 200, ...(await caughtUp()) }).expect(200);
      const expected = city.map((app) => expectedWarning(app, asOf)).filter((w) => w !== null);
      const items = response.body.items.map(({ regionCode: _region, ...item }: Record<string, unknown>) => item);
      expect({ asOf, items: sortById(items) }).toEqual({ asOf, items: sortById(expected) });
      expect(response.body.counts).toEqual({
        yellow: expected.filter((w) => w.level === 'yellow').length,
        red: expected.filter((w) => w.level === 'red').length,
      });
    }
  });

  it('scopes the warnings to a window clerk’s department and refuses another department (403)', async () => {
    const clerkB = t.token({ roles: ['window_staff'], departmentId: DEPT_B, sub: 'clerk-b' });
    const mine = await get(t, clerkB, '/warnings', { asOf: '2019-10-08' }).expect(200);
    expect(mine.body.items.map((item: { departmentId: string }) => item.departmentId)).toEqual([DEPT_B]);
    expectProblem(await get(t, clerkB, '/warnings', { asOf: '2019-10-08', departmentId: DEPT_A }), 403);
  });

  it('sweeps 27 Sep – 14 Oct into one card per application red on a swept date, dated the first such date', async () => {
    const [a1, a2, a3, a4] = city;
    const results = [];
    for (const date of datesFrom('2019-09-27', '2019-10-14')) results.push((await post(t, admin(t), '/sweeps', { date }).expect(200)).body);
    const issued = results.filter((result) => result.cardsIssued > 0).map(({ date, cardsIssued }) => ({ date, cardsIssued }));
    expect(issued).toEqual([
      { date: '2019-10-01', cardsIssued: 2 }, // a2 (due 30 Sep) and a4 (due 30 Sep, completed 9 Oct)
      { date: '2019-10-11', cardsIssued: 1 }, // a1 (due 10 Oct)
      { date: '2019-10-13', cardsIssued: 1 }, // a3 (due Saturday 12 Oct, a make-up day, after its special procedure)
    ]);
    expect(results.every((result) => result.suspended === 0 && result.returned === 0)).toBe(true);
    // a notice (一日一告知) to each department with something open, warned or due: A and B until 9 Oct
    expect(results.filter((result) => result.date <= '2019-10-08').every((result) => result.noticesSent === 2)).toBe(true);
    const cards = await get(t, assessor, '/cards', { pageSize: 50, ...(await caughtUp()) }).expect(200);
    expect(cards.body.total).toBe(4);
    const byApplication = Object.fromEntries(
      cards.body.items.map((card: { applicationId: string; issuedOn: string }) => [card.applicationId, card.issuedOn]),
    );
    expect(byApplication).toEqual({ [a2.id]: '2019-10-01', [a4.id]: '2019-10-01', [a1.id]: '2019-10-11', [a3.id]: '2019-10-13' });
    const card = (await get(t, assessor, `/cards/${redCardIdOf(a2.id)}`).expect(200)).body;
    expect(card).toEqual({
      id: redCardIdOf(a2.id),
      applicationId: a2.id,
      departmentId: DEPT_B,
      regionCode: '330602',
      level: 'red',
      issuedOn: '2019-10-01',
      deadline: '2019-09-30',
      status: 'issued',
      version: 1,
    });
  });

  it('appends nothing when the same dates are swept again, and answers the recorded counts', async () => {
    const before = await eventCount(t);
    const again = await post(t, admin(t), '/sweeps', { date: '2019-10-01' }).expect(200);
    expect(again.body).toEqual({ date: '2019-10-01', cardsIssued: 2, suspended: 0, returned: 0, noticesSent: 2 });
    for (const date of datesFrom('2019-09-27', '2019-10-14')) await post(t, admin(t), '/sweeps', { date }).expect(200);
    expect(await eventCount(t)).toBe(before);
  });

  it('sends each department its daily notice of the date: its open applications, warnings and open cards', async () => {
    const date = '2019-10-11';
    const warnings = (await get(t, assessor, '/warnings', { asOf: date, pageSize: 200, ...(await caughtUp()) }).expect(200)).body;
    const cards = (await get(t, assessor, '/cards', { pageSize: 200 }).expect(200)).body.items as {
      departmentId: string;
      issuedOn: string;
    }[];
    const store = t.app.get<EventStore>(EVENT_STORE);
    for (const departmentId of [DEPT_A, DEPT_B]) {
      const [notice] = await store.readStream(`daily-notice-${dailyNoticeIdOf(date, departmentId)}`);
      const warned = warnings.byDepartment.find((row: { departmentId: string }) => row.departmentId === departmentId) ?? {
        yellow: 0,
        red: 0,
      };
      expect(notice).toMatchObject({ type: 'notice.daily', metadata: { actor: 'system:supervision-sweep' } });
      expect(notice.data).toMatchObject({
        date,
        departmentId,
        yellow: warned.yellow,
        red: warned.red,
        openCards: cards.filter((card) => card.departmentId === departmentId && card.issuedOn <= date).length,
        openFeedbackCases: 0,
        qualityIssuesDue: 0,
      });
      expect((notice.data as { openApplications: number }).openApplications).toBeGreaterThanOrEqual(warned.yellow + warned.red);
    }
  });

  it('schedules: nothing before its first run, then only its first date, then every date after the last recorded one', async () => {
    const sweeper = t.app.get(Sweeper);
    // the dates above were swept on request: the schedule has not run yet, and at start-up it sweeps nothing
    expect(await sweeper.sweepDue('2019-10-16', { firstRun: false })).toEqual([]);
    // its first run sweeps its own date only (never the dates before it: 15 Oct stays unswept)
    expect((await sweeper.sweepDue('2019-10-16', { firstRun: true }))!.map((result) => result.date)).toEqual(['2019-10-16']);
    // after "downtime" it catches up every date since the last recorded one
    expect((await sweeper.sweepDue('2019-10-19', { firstRun: false }))!.map((result) => result.date)).toEqual([
      '2019-10-17',
      '2019-10-18',
      '2019-10-19',
    ]);
    const recorded = await sqlOf(t).query<{ date: string }>(
      `SELECT (data->>'date') AS date FROM es_events WHERE type = 'supervision.swept' AND data->>'date' >= '2019-10-15' ORDER BY 1`,
    );
    expect(recorded.map((row) => row.date)).toEqual(['2019-10-16', '2019-10-17', '2019-10-18', '2019-10-19']);
  });

  it('refuses a future date (400), a non-admin (403), another department’s explanation (404) and a review before any explanation (409), appending nothing', async () => {
    const [a1, a2] = city;
    expectProblem(await expectNothingAppended(t, () => post(t, admin(t), '/sweeps', { date: '2999-01-01' })), 400);
    expectProblem(await expectNothingAppended(t, () => post(t, assessor, '/sweeps', { date: '2019-10-01' })), 403);
    const officerA = t.token({ roles: ['department_officer'], departmentId: DEPT_A, sub: 'officer-a' });
    const inspector = t.token({ roles: ['inspector'], sub: 'inspector-1' });
    expectProblem(
      await expectNothingAppended(t, () => post(t, officerA, `/cards/${redCardIdOf(a2.id)}/explanation`, { text: '不是我们的' })),
      404,
    );
    expectProblem(await expectNothingAppended(t, () => post(t, inspector, `/cards/${redCardIdOf(a1.id)}/review`, { accepted: true })), 409);
    expectProblem(await get(t, officerA, `/cards/${redCardIdOf(a2.id)}`), 404);
  });

  it('explains (department officer) and reviews (inspector) a card: returned, explained again, closed', async () => {
    const [a1] = city;
    const id = redCardIdOf(a1.id);
    const officerA = t.token({ roles: ['department_officer'], departmentId: DEPT_A, sub: 'officer-a' });
    const inspector = t.token({ roles: ['inspector'], sub: 'inspector-1' });
    await post(t, officerA, `/cards/${id}/explanation`, { text: '专家评审延误', at: '2019-10-14T10:00:00+08:00' }).expect(200);
    expect((await get(t, officerA, `/cards/${id}`).expect(200)).body).toMatchObject({
      status: 'explained',
      explanation: { text: '专家评审延误' },
    });
    await post(t, inspector, `/cards/${id}/review`, { accepted: false, comment: '说明不充分', at: '2019-10-15T10:00:00+08:00' }).expect(
      200,
    );
    expect((await get(t, officerA, `/cards/${id}`).expect(200)).body).toMatchObject({
      status: 'issued',
      review: { accepted: false, comment: '说明不充分' },
    });
    await post(t, officerA, `/cards/${id}/explanation`, { text: '已补充专家意见', at: '2019-10-15T11:00:00+08:00' }).expect(200);
    const closed = await post(t, inspector, `/cards/${id}/review`, { accepted: true, at: '2019-10-16T10:00:00+08:00' }).expect(200);
    expect(closed.body).toEqual({ id, version: 5, position: expect.any(Number) });
    const card = (await get(t, assessor, `/cards/${id}`).expect(200)).body;
    expect(card).toMatchObject({ status: 'closed', explanation: { text: '已补充专家意见' }, review: { accepted: true } });
    const listed = await get(t, assessor, '/cards', { status: 'closed', departmentId: DEPT_A, ...(await caughtUp()) }).expect(200);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
  });
});

const sortById = <T extends { applicationId: unknown }>(items: T[]) =>
  [...items].sort((a, b) => String(a.applicationId).localeCompare(String(b.applicationId)));
