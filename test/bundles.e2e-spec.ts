import request from 'supertest';
import { randomUUID } from 'node:crypto';
import { testBackends } from '@app/event-store/testing';
import { admin, DEPT_A, DEPT_B, ID_NUMBER, NAME, on, publishedMatter, sqlOf, staff } from './support/applications';
import { getAsAssessor } from './support/scenario-app';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(120_000);

/**
 * 一件事 through the API: bundles in the catalogue, one submission at the comprehensive window
 * making one ordinary application per member (all or none, idempotent), the bundle application's
 * view, and its count in the assessment — each member its own department's application.
 */
describe.each(testBackends())('一件事 bundles and bundle applications on %s', (backend) => {
  let t: TestApp;
  let licence: string;
  let seal: string;
  let tax: string;
  let draft: string;
  let bundleId: string;
  const catalogAdmin = () => t.token({ roles: ['catalog_admin'], sub: 'catalog-1' });
  const window = () => t.token({ roles: ['window_staff'], sub: 'window-1' }); // no departmentId: 综合窗口
  const post = (token: string, path: string, body: object, headers: Record<string, string> = {}) =>
    request(t.http)
      .post(`/api/v1${path}`)
      .set({ Authorization: `Bearer ${token}`, ...headers })
      .send(body);
  const get = (token: string, path: string) => request(t.http).get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const applicant = { kind: 'person', name: NAME, idNumber: ID_NUMBER };
  const lastPosition = async () =>
    Number((await sqlOf(t).query<{ p: string | null }>('SELECT max(position)::text AS p FROM es_events'))[0].p ?? 0);
  const keyCount = async () => (await sqlOf(t).query<{ n: number }>('SELECT count(*)::int AS n FROM applicant_keys'))[0].n;
  /** `send` is refused with `status` and leaves the store's last position (and the applicant keys) as they were */
  const refusedWhole = async (status: number, send: () => Promise<request.Response>) => {
    const [position, keys] = [await lastPosition(), await keyCount()];
    const response = await send();
    expect({ status: response.status, body: response.body }).toMatchObject({ status });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect([await lastPosition(), await keyCount()]).toEqual([position, keys]);
    return response;
  };

  beforeAll(async () => {
    t = await startTestApp(backend);
    licence = await publishedMatter(t, { departmentId: DEPT_A, promisedDays: 5 });
    seal = await publishedMatter(t, { departmentId: DEPT_B, promisedDays: 3 });
    tax = await publishedMatter(t, { departmentId: DEPT_B, promisedDays: 2 });
    draft = await publishedMatter(t, { departmentId: DEPT_B, effectiveFrom: null });
  });
  afterAll(() => t?.close());

  it('defines a bundle, revises it into version 2, and shows it in the catalogue to every role', async () => {
    const defined = await post(catalogAdmin(), '/bundles', { code: 'YJS-KBQY', name: '开办企业', matterIds: [licence, seal] }).expect(201);
    expect(defined.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    bundleId = defined.body.id;
    const revised = await post(
      catalogAdmin(),
      `/bundles/${bundleId}/revisions`,
      { name: '开办企业一件事', matterIds: [licence, seal] },
      { 'If-Match': '"1"' },
    ).expect(200);
    expect(revised.body.version).toBe(2);
    const shown = await get(staff(t, DEPT_A), `/bundles/${bundleId}`).expect(200);
    expect(shown.body).toEqual({
      id: bundleId,
      code: 'YJS-KBQY',
      name: '开办企业一件事',
      version: 2,
      members: [
        { matterId: licence, departmentId: DEPT_A, name: expect.any(String) },
        { matterId: seal, departmentId: DEPT_B, name: expect.any(String) },
      ],
    });
    const list = await get(t.token({ roles: ['assessor'] }), `/bundles?page=1&pageSize=10&minPosition=${revised.body.position}`).expect(
      200,
    );
    expect(list.body).toMatchObject({ total: 1, items: [{ id: bundleId, version: 2 }] });
  });

  it('refuses fewer than 2 or repeated members (400), an unknown matter (404 naming it), an unpublished one or a taken code (409): nothing appended', async () => {
    const define =
      (matterIds: string[], code = `YJS-${randomUUID().slice(0, 8)}`) =>
      () =>
        post(catalogAdmin(), '/bundles', { code, name: 'x', matterIds });
    await refusedWhole(400, define([licence]));
    await refusedWhole(400, define([licence, seal, licence]));
    const unknown = await refusedWhole(404, define([licence, randomUUID()]));
    expect(unknown.body.errors).toEqual([{ field: 'matterIds[1]', message: 'unknown matter' }]);
    await refusedWhole(409, define([licence, draft]));
    await refusedWhole(409, define([licence, tax], 'YJS-KBQY'));
    await refusedWhole(412, () =>
      post(catalogAdmin(), `/bundles/${bundleId}/revisions`, { matterIds: [licence, tax] }, { 'If-Match': '"1"' }),
    );
    await refusedWhole(403, () => post(staff(t), '/bundles', { code: 'YJS-X', name: 'x', matterIds: [licence, seal] }));
  });

  it('one submission at the comprehensive window makes one ordinary application per member, each its department’s', async () => {
    await refusedWhole(403, () =>
      post(staff(t, DEPT_A), '/bundle-applications', { bundleId, channel: 'online', applicant, at: on('2019-09-24') }),
    );
    await refusedWhole(404, () =>
      post(window(), '/bundle-applications', { bundleId: randomUUID(), channel: 'online', applicant, at: on('2019-09-24') }),
    );
    const submitted = await post(window(), '/bundle-applications', { bundleId, channel: 'online', applicant, at: on('2019-09-24') }).expect(
      201,
    );
    const { id, applications } = submitted.body;
    expect(submitted.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number), applications: expect.any(Array) });
    expect(applications.map((a: { matterId: string }) => a.matterId)).toEqual([licence, seal]);
    const [own, other] = applications.map((a: { applicationId: string }) => a.applicationId);
    expect((await get(staff(t, DEPT_A), `/applications/${own}`).expect(200)).body).toMatchObject({
      departmentId: DEPT_A,
      status: 'submitted',
      channel: 'online',
      applicant: { idNumber: '3306**********1234' },
    });
    expect((await get(staff(t, DEPT_B), `/applications/${other}`).expect(200)).body).toMatchObject({
      departmentId: DEPT_B,
      status: 'submitted',
    });
    await get(staff(t, DEPT_A), `/applications/${other}`).expect(404); // another department's application, as any other
    const view = await get(window(), `/bundle-applications/${id}`).expect(200);
    expect(view.body).toEqual({
      id,
      bundleId,
      bundleVersion: 2,
      channel: 'online',
      submittedAt: expect.any(String),
      status: 'in_progress',
      deadline: null,
      applications: [
        { applicationId: own, matterId: licence, departmentId: DEPT_A, status: 'submitted', deadline: null },
        { applicationId: other, matterId: seal, departmentId: DEPT_B, status: 'submitted', deadline: null },
      ],
    });
    // the audit trail records the one command on each stream it wrote, by the same actor and correlation id
    const audit = async (streamId: string) =>
      (await get(admin(t), `/audit-log?streamId=${streamId}&minPosition=${submitted.body.position}`).expect(200)).body.items;
    const entries = [
      ...(await audit(`bundle-application-${id}`)),
      ...(await audit(`application-${own}`)),
      ...(await audit(`application-${other}`)),
    ];
    expect(entries.map((e: { actor: string; command: { name: string } }) => [e.actor, e.command.name])).toEqual(
      Array.from({ length: 3 }, () => ['window-1', 'bundle-application.submit']),
    );
    expect(new Set(entries.map((e: { command: { correlationId: string } }) => e.command.correlationId)).size).toBe(1);
    await get(staff(t, DEPT_B), `/bundle-applications/${id}`).expect(200);
    await get(staff(t, 'dept-other'), `/bundle-applications/${id}`).expect(404);

    // each department handles its own member; the bundle is completed when every member is done
    const handle = (department: string, applicationId: string, path: string, body: object) =>
      post(staff(t, department), `/applications/${applicationId}/${path}`, body).expect(200);
    await handle(DEPT_A, own, 'accept', { at: on('2019-09-24', '10:00') });
    await handle(DEPT_B, other, 'accept', { at: on('2019-09-24', '10:00') });
    const accepted = await get(window(), `/bundle-applications/${id}?minPosition=${await lastPosition()}`).expect(200);
    const deadlines = accepted.body.applications.map((a: { deadline: string }) => a.deadline);
    expect(deadlines).toEqual([expect.stringMatching(/^2019-/), expect.stringMatching(/^2019-/)]);
    expect(deadlines[0] > deadlines[1]).toBe(true); // 5 working days against 3
    expect(accepted.body).toMatchObject({ status: 'in_progress', deadline: deadlines[0] }); // the latest member deadline
    await handle(DEPT_A, own, 'complete', { outcome: 'approved', visits: 0, at: on('2019-09-26') });
    await handle(DEPT_B, other, 'complete', { outcome: 'denied', visits: 1, at: on('2019-09-26') });
    const done = await get(
      window(),
      `/bundle-applications?bundleId=${bundleId}&status=completed&minPosition=${await lastPosition()}`,
    ).expect(200);
    expect(done.body).toMatchObject({ total: 1, items: [{ id, status: 'completed' }] });
  });

  it('refuses the whole bundle when one member’s matter is suspended: nothing appended, no applicant key left', async () => {
    const bundle = await post(catalogAdmin(), '/bundles', { code: 'YJS-TAX', name: '纳税一件事', matterIds: [licence, tax] }).expect(201);
    await post(catalogAdmin(), `/matters/${tax}/suspend`, { reason: '系统升级', at: on('2019-09-20') }).expect(200);
    const refused = await refusedWhole(409, () =>
      post(window(), '/bundle-applications', { bundleId: bundle.body.id, channel: 'window', applicant, at: on('2019-09-25') }),
    );
    expect(refused.body.code ?? refused.body.type).toMatch(/not_in_force/);
  });

  it('ten concurrent requests with one Idempotency-Key, and a retry whose response was lost, make one bundle application', async () => {
    const key = `bundle-${randomUUID()}`;
    const body = { bundleId, channel: 'window', applicant, at: on('2019-09-25') };
    const keysBefore = await keyCount();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => post(window(), '/bundle-applications', body, { 'Idempotency-Key': key })),
    );
    for (const response of responses)
      expect({ status: response.status, body: response.body }).toEqual({ status: 201, body: responses[0].body });
    const { id, applications } = responses[0].body;
    const streams = await sqlOf(t).query<{ stream_id: string }>('SELECT DISTINCT stream_id FROM es_events WHERE stream_id = ANY($1)', [
      [`bundle-application-${id}`, ...applications.map((a: { applicationId: string }) => `application-${a.applicationId}`)],
    ]);
    expect(streams).toHaveLength(3);
    expect(await keyCount()).toBe(keysBefore + 2); // one key per member application: the nine retries kept none
    const [{ n }] = await sqlOf(t).query<{ n: number }>(
      "SELECT count(*)::int AS n FROM es_events WHERE type = 'bundle-application.submitted' AND stream_id = $1",
      [`bundle-application-${id}`],
    );
    expect(n).toBe(1);
    // the first response lost: the stored response is gone, the retry derives the same ids and appends nothing
    await sqlOf(t).query('DELETE FROM idempotency_keys WHERE key = $1', [key]);
    const position = await lastPosition();
    const keys = await keyCount();
    const retried = await post(window(), '/bundle-applications', body, { 'Idempotency-Key': key }).expect(201);
    expect(retried.body).toEqual(responses[0].body);
    expect([await lastPosition(), await keyCount()]).toEqual([position, keys]);

    // rejected members are done too: the bundle application is completed
    for (const [department, { applicationId }] of [DEPT_A, DEPT_B].map((d, i) => [d, applications[i]] as const))
      await post(staff(t, department), `/applications/${applicationId}/reject`, {
        reason: '材料不符',
        at: on('2019-09-25', '10:00'),
      }).expect(200);
    const view = await get(window(), `/bundle-applications/${id}?minPosition=${await lastPosition()}`).expect(200);
    expect(view.body).toMatchObject({
      status: 'completed',
      submittedAt: on('2019-09-25'),
      applications: [{ status: 'rejected' }, { status: 'rejected' }],
    });
  });

  it('counts bundle applications in the assessment, while each member stays its department’s application in the indicators', async () => {
    const position = await lastPosition();
    const report = (scope: string) =>
      getAsAssessor(t, `/api/v1/assessment?asOf=2019-10-31&from=2019-01-01&to=2019-10-31${scope}&minPosition=${position}`);
    const [city, market, health, other] = await Promise.all([
      report(''),
      report(`&departmentId=${DEPT_A}`),
      report(`&departmentId=${DEPT_B}`),
      report('&departmentId=dept-other'),
    ]);
    expect([city, market, health, other].map((r) => r.operational.bundleApplications)).toEqual([2, 2, 2, 0]);
    // the one accepted member of each department counts there (online, by the bundle's channel), and once in the city
    const online = (r: Awaited<ReturnType<typeof getAsAssessor>>) =>
      r.indicators.find((i: { key: string }) => i.key === 'onlineAcceptanceRate');
    expect(online(market)).toMatchObject({ numerator: 1, denominator: 1 });
    expect(online(health)).toMatchObject({ numerator: 1, denominator: 1 });
    expect(online(city)).toMatchObject({ numerator: 2, denominator: 2 });
  });
});
