import request from 'supertest';
import { EVENT_STORE, ProjectionRunner, Reactor, SQL_CLIENT, rebuildProjection, type EventStore, type SqlClient } from '@app/event-store';
import { testBackends } from '@app/event-store/testing';
import { BadReviewPolicy, feedbackCaseIdOf, feedbackCaseStreamId } from '@app/supervision';
import { CommandExecutor } from '@app/event-store';
import { allProjections } from '../apps/api/src/projections/projection-registry';
import { REACTORS } from '../apps/api/src/projections/projections.module';
import { command, DEPT_A, DEPT_B, on, publishedMatter, readApplication, staff, submitted } from './support/applications';
import { headPosition } from './support/quality-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 差评整改 over HTTP (api.md "容缺受理 and follow-up cases"): an evaluation of 2 on Mon 30 Sep 2019
 * opens exactly one case for the application's department — contact due Tue 8 Oct (after National
 * Day), rectification due Fri 25 Oct (Sat 12 Oct is a make-up working day) — then 回访, 整改, 再评价.
 */
jest.setTimeout(90_000);

describe.each(testBackends())('feedback cases (差评整改) on %s', (backend) => {
  let t: TestApp;
  let clerk: string;
  let matterId: string;
  const as = (roles: string[], departmentId?: string) =>
    `Bearer ${t.token({ roles: roles as never, ...(departmentId ? { departmentId } : {}) })}`;
  const cases = (path = '') => `/api/v1/feedback-cases${path}`;

  beforeAll(async () => {
    t = await startTestApp(backend);
    clerk = staff(t);
    matterId = await publishedMatter(t, { promisedDays: 5 });
  });
  afterAll(() => t.close());

  /** A completed application evaluated with `score` on `date`; its id. */
  const evaluated = async (score: number, date = '2019-09-30') => {
    const { id } = await submitted(t, matterId);
    await command(t, clerk, `/${id}/accept`, { at: on('2019-09-24', '10:00') }).expect(200);
    await command(t, clerk, `/${id}/complete`, { outcome: 'approved', visits: 0, at: on('2019-09-27') }).expect(200);
    await command(t, clerk, `/${id}/evaluation`, { score, comment: '等待时间太长', at: on(date, '10:00') }).expect(200);
    return id;
  };

  /** The application's view once its feedbackCaseId shows (the policy and the read model follow the log). */
  const caseOf = async (applicationId: string): Promise<string> => {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const view = await readApplication(t, clerk, applicationId, 4);
      if (view.feedbackCaseId) return view.feedbackCaseId;
      if (Date.now() > deadline) throw new Error(`no feedback case for ${applicationId}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  const openedEvents = async (caseId: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(feedbackCaseStreamId(caseId))).filter(
      (event) => event.type === 'feedback-case.opened',
    ).length;

  /** A refused request: problem+json with `status`, and the store's last position unchanged. */
  const refused = async (send: () => request.Test, status: number) => {
    const before = await headPosition(t);
    const response = await send().expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await headPosition(t)).toBe(before);
    return response.body;
  };

  let applicationId: string;
  let caseId: string;

  it('opens one case for a 差评, for the application’s department, with its due dates', async () => {
    applicationId = await evaluated(2);
    caseId = await caseOf(applicationId);
    expect(caseId).toBe(feedbackCaseIdOf(applicationId));
    const { body } = await request(t.http)
      .get(cases(`/${caseId}`))
      .query({ asOf: '2019-10-08' })
      .set('Authorization', as(['assessor']))
      .expect(200);
    expect(body).toMatchObject({
      id: caseId,
      applicationId,
      departmentId: DEPT_A,
      score: 2,
      openedOn: '2019-09-30',
      contactDueOn: '2019-10-08',
      rectifyDueOn: '2019-10-25',
      status: 'open',
      overdue: false,
      asOf: '2019-10-08',
      version: 1,
    });
    expect(body).not.toHaveProperty('reScore');
    expect(await openedEvents(caseId)).toBe(1);

    // a good evaluation opens nothing
    const happy = await evaluated(4);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await readApplication(t, clerk, happy, 4)).feedbackCaseId).toBeNull();
    expect(await openedEvents(feedbackCaseIdOf(happy))).toBe(0);
  });

  it('is overdue as of a date: contact after 8 Oct (National Day week off), rectification after 25 Oct', async () => {
    const get = async (asOf: string) =>
      (
        await request(t.http)
          .get(cases(`/${caseId}`))
          .query({ asOf })
          .set('Authorization', as(['inspector']))
          .expect(200)
      ).body;
    expect(await get('2019-09-29')).toMatchObject({ overdue: false });
    expect(await get('2019-10-07')).toMatchObject({ overdue: false });
    expect(await get('2019-10-09')).toMatchObject({ overdue: true, overdueSteps: { contact: true, rectification: false } });
    const list = async (query: Record<string, string>) =>
      (
        (
          await request(t.http)
            .get(cases())
            .query(query)
            .set('Authorization', as(['assessor']))
            .expect(200)
        ).body.items as { id: string }[]
      ).map((item) => item.id);
    expect(await list({ overdue: 'true', asOf: '2019-10-08' })).not.toContain(caseId);
    expect(await list({ overdue: 'true', asOf: '2019-10-09' })).toContain(caseId);
    expect(await list({ overdue: 'false', asOf: '2019-10-08' })).toContain(caseId);
    expect(await list({ status: 'open', departmentId: DEPT_A })).toContain(caseId);
  });

  it('scopes reads and commands: another department 404, a role that may not 403, each appending nothing', async () => {
    await refused(
      () =>
        request(t.http)
          .get(cases(`/${caseId}`))
          .set('Authorization', as(['window_staff'], DEPT_B)),
      404,
    );
    await refused(
      () =>
        request(t.http)
          .get(cases(`/${caseId}`))
          .set('Authorization', as(['department_officer'], DEPT_B)),
      404,
    );
    await refused(
      () =>
        request(t.http)
          .get(cases(`/${caseId}`))
          .set('Authorization', as(['catalog_admin'])),
      403,
    );
    await refused(
      () =>
        request(t.http)
          .get(cases())
          .query({ departmentId: DEPT_A })
          .set('Authorization', as(['window_staff'], DEPT_B)),
      403,
    );
    const mine = await request(t.http)
      .get(cases())
      .set('Authorization', as(['department_officer'], DEPT_B))
      .expect(200);
    expect(mine.body.items).toEqual([]);
    const contact = (auth: string) => () =>
      request(t.http)
        .post(cases(`/${caseId}/contact`))
        .set('Authorization', auth)
        .send({ note: '电话回访' });
    await refused(contact(as(['window_staff'], DEPT_B)), 404);
    await refused(contact(as(['department_officer'], DEPT_B)), 404);
    await refused(contact(as(['inspector'])), 403);
    await refused(contact(as(['assessor'])), 403);
    await refused(contact(as(['window_staff'])), 403); // no department in the token
    await refused(
      () =>
        request(t.http)
          .post(cases(`/${caseId}/contact`))
          .set('Authorization', as(['window_staff'], DEPT_A))
          .send({ note: ' ' }),
      400,
    );
    const reEvaluate = () =>
      request(t.http)
        .post(`/api/v1/applications/${applicationId}/re-evaluation`)
        .set('Authorization', as(['window_staff'], DEPT_B))
        .send({ score: 4 });
    await refused(reEvaluate, 404);
  });

  it('goes 回访 → 整改 → 再评价 (closed); re-evaluating before rectification or twice is 409', async () => {
    const officer = as(['department_officer'], DEPT_A);
    const reEvaluate = (score: number, at: string) => () =>
      request(t.http)
        .post(`/api/v1/applications/${applicationId}/re-evaluation`)
        .set('Authorization', `Bearer ${clerk}`)
        .send({ score, at });

    const contacted = await request(t.http)
      .post(cases(`/${caseId}/contact`))
      .set('Authorization', officer)
      .send({ note: '电话回访', at: on('2019-10-08') })
      .expect(200);
    expect(contacted.body).toEqual({ id: caseId, version: 2, position: expect.any(Number) });
    expect(contacted.headers.etag).toBe('"2"');
    const before = await refused(reEvaluate(4, on('2019-10-09')), 409);
    expect(before.detail).toMatch(/only after rectification/);
    await refused(
      () =>
        request(t.http)
          .post(cases(`/${caseId}/contact`))
          .set('Authorization', officer)
          .send({ note: '再次回访' }),
      409,
    );

    await request(t.http)
      .post(cases(`/${caseId}/rectification`))
      .set('Authorization', `Bearer ${clerk}`)
      .send({ note: '优化叫号', at: on('2019-10-20') })
      .expect(200);
    const rectified = (
      await request(t.http)
        .get(cases(`/${caseId}`))
        .query({ asOf: '2019-10-28' })
        .set('Authorization', officer)
        .expect(200)
    ).body;
    expect(rectified).toMatchObject({
      status: 'rectified',
      overdue: false,
      version: 3,
      contact: { note: '电话回访' },
      rectification: { note: '优化叫号' },
    });

    const reRated = await request(t.http)
      .post(`/api/v1/applications/${applicationId}/re-evaluation`)
      .set('Authorization', `Bearer ${clerk}`)
      .send({ score: 4, comment: '满意', at: on('2019-10-21') })
      .expect(200);
    expect(reRated.body).toEqual({ id: caseId, version: 4, position: expect.any(Number) });
    // the GET of one case waits for its own stream: no polling
    const closed = (
      await request(t.http)
        .get(cases(`/${caseId}`))
        .set('Authorization', officer)
        .expect(200)
    ).body;
    expect(closed).toMatchObject({ status: 'closed', reScore: 4, reEvaluation: { score: 4, comment: '满意' }, version: 4 });
    const twice = await refused(reEvaluate(5, on('2019-10-22')), 409);
    expect(twice.detail).toMatch(/given once/);
  });

  it('answers a re-evaluation of an application without a case 404', async () => {
    const happy = await evaluated(5);
    const body = await refused(
      () => request(t.http).post(`/api/v1/applications/${happy}/re-evaluation`).set('Authorization', `Bearer ${clerk}`).send({ score: 5 }),
      404,
    );
    expect(body.detail).toMatch(/no follow-up case/);
  });

  it('opens nothing twice: not after every projection is rebuilt from 0, nor when the policy replays the log', async () => {
    const second = await evaluated(1, '2019-10-08');
    const secondCase = await caseOf(second);
    const store = t.app.get<EventStore>(EVENT_STORE);
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    await t.app.get(ProjectionRunner).stop();
    for (const projection of allProjections.filter((p) => p.name !== 'audit-trail'))
      await rebuildProjection(store, sql, projection, { batchSize: 50 });

    // the policy from position 0 again (its checkpoint reset): every 差评 is met again, each case refused as already_exists
    const reactors = t.app.get<Reactor[]>(REACTORS);
    await Promise.all(reactors.map((reactor) => reactor.stop()));
    await sql.query(`UPDATE projection_checkpoints SET checkpoint = NULL, position = NULL WHERE projection = 'bad-review-policy'`);
    const replay = new Reactor(
      store,
      sql,
      new BadReviewPolicy(store, t.app.get(CommandExecutor), { contactWorkdays: 1, rectifyWorkdays: 15 }),
      {
        logger: { log: () => undefined, error: () => undefined },
      },
    );
    const head = await headPosition(t);
    replay.start();
    const deadline = Date.now() + 10_000;
    while (!(await replay.covers(head)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
    await replay.stop();
    expect(await replay.covers(head)).toBe(true);
    expect(await headPosition(t)).toBe(head);

    expect(await openedEvents(caseId)).toBe(1);
    expect(await openedEvents(secondCase)).toBe(1);
    const list = await request(t.http)
      .get(cases())
      .set('Authorization', as(['admin']))
      .expect(200);
    expect(list.body.total).toBe(2);
    expect((await readApplication(t, clerk, second, 4)).feedbackCaseId).toBe(secondCase);
    expect((await readApplication(t, clerk, applicationId, 4)).feedbackCaseId).toBe(caseId);
  });
});
