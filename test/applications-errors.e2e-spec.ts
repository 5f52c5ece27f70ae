import request, { Response } from 'supertest';
import { testBackends } from '@app/event-store/testing';
import {
  admin,
  command,
  DEPT_A,
  DEPT_B,
  eventCount,
  on,
  publishedMatter,
  readApplication,
  sqlOf,
  staff,
  submitBody,
  submitted,
} from './support/applications';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Every 4xx of api.md for applications: a problem+json body, and not one event appended. */
describe.each(testBackends())('applications: refusals on %s', (backend) => {
  let t: TestApp;
  let clerk: string;
  let matterId: string;
  let accepted: string;

  beforeAll(async () => {
    t = await startTestApp(backend, { BODY_LIMIT: '16kb' });
    clerk = staff(t);
    matterId = await publishedMatter(t);
    accepted = (await submitted(t, matterId)).id;
    await command(t, clerk, `/${accepted}/accept`, { at: on('2019-09-27') }).expect(200);
  });
  afterAll(() => t.close());

  /** Sends the request and checks the problem+json answer and that the store did not grow. */
  async function refused(send: () => Promise<Response>, status: number, expected: object = {}): Promise<Response> {
    const before = await eventCount(t);
    const response = await send();
    expect({ status: response.status, body: response.body }).toMatchObject({ status, body: { status, ...expected } });
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toEqual(
      expect.objectContaining({ type: expect.stringMatching(/^\/problems\//), title: expect.any(String), detail: expect.any(String) }),
    );
    expect(await eventCount(t)).toBe(before);
    return response;
  }
  const fieldsOf = (response: Response) => (response.body.errors as { field: string }[]).map((error) => error.field);

  it('400: unknown fields, invalid values, `at` in the future', async () => {
    let response = await refused(() => command(t, clerk, '', { ...submitBody(matterId), priority: 'high' }), 400);
    expect(fieldsOf(response)).toContain('priority');
    response = await refused(() => command(t, clerk, '', { matterId, channel: 'fax', applicant: { kind: 'alien', name: '' } }), 400);
    expect(fieldsOf(response)).toEqual(expect.arrayContaining(['channel', 'applicant.kind', 'applicant.name', 'applicant.idNumber']));
    expect(JSON.stringify(response.body)).not.toContain('fax');
    response = await refused(() => command(t, clerk, `/${accepted}/suspend`, { reason: '核查', at: '2099-01-01T09:00:00+08:00' }), 400);
    expect(fieldsOf(response)).toEqual(['at']);
    response = await refused(() => command(t, clerk, `/${accepted}/complete`, { outcome: 'maybe', visits: 10 }), 400);
    expect(fieldsOf(response)).toEqual(expect.arrayContaining(['outcome', 'visits']));
    response = await refused(() => command(t, clerk, `/${accepted}/evaluation`, { score: 6 }), 400);
    expect(fieldsOf(response)).toEqual(['score']);
    response = await refused(() => command(t, clerk, `/${accepted}/supplement-requests`, { items: [] }), 400);
    expect(fieldsOf(response)).toEqual(['items']);
    await refused(
      () => request(t.http).get(`/api/v1/applications/${accepted}`).query({ asOf: '2019-02-30' }).set('Authorization', `Bearer ${clerk}`),
      400,
    );
  });

  it('401 without a token, 403 without the role or the department', async () => {
    await refused(() => request(t.http).post(`/api/v1/applications/${accepted}/suspend`).send({ reason: '核查' }), 401);
    const inspector = t.token({ roles: ['inspector'], departmentId: DEPT_A });
    await refused(() => command(t, inspector, `/${accepted}/suspend`, { reason: '核查' }), 403);
    await refused(() => command(t, staff(t, DEPT_B), '', submitBody(matterId)), 403, { code: 'forbidden' });
    await refused(() => command(t, t.token({ roles: ['window_staff'] }), `/${accepted}/suspend`, { reason: '核查' }), 403);
    await refused(() => request(t.http).delete(`/api/v1/applications/${accepted}/applicant`).set('Authorization', `Bearer ${clerk}`), 403);
    await refused(
      () =>
        request(t.http)
          .get('/api/v1/applications')
          .query({ departmentId: DEPT_A })
          .set('Authorization', `Bearer ${staff(t, DEPT_B)}`),
      403,
    );
  });

  it('404 for an unknown application or matter', async () => {
    await refused(() => command(t, clerk, `/${UNKNOWN}/accept`, { at: on('2019-09-27') }), 404);
    const response = await refused(() => command(t, clerk, '', submitBody(UNKNOWN)), 404);
    expect(fieldsOf(response)).toEqual(['matterId']);
    await refused(() => request(t.http).get(`/api/v1/applications/${UNKNOWN}`).set('Authorization', `Bearer ${clerk}`), 404);
    await refused(
      () =>
        request(t.http)
          .delete(`/api/v1/applications/${UNKNOWN}/applicant`)
          .set('Authorization', `Bearer ${admin(t)}`),
      404,
    );
  });

  it('409 when the domain refuses: illegal transition, matter not in force, business time going backwards', async () => {
    await refused(() => command(t, clerk, `/${accepted}/accept`, { at: on('2019-09-28') }), 409, { code: 'illegal_transition' });
    await refused(() => command(t, clerk, `/${accepted}/resume`, {}), 409, { code: 'illegal_transition' });
    const draft = await publishedMatter(t, { effectiveFrom: null });
    await refused(() => command(t, clerk, '', submitBody(draft)), 409, { code: 'not_in_force' });
    const later = await publishedMatter(t, { effectiveFrom: '2019-12-01' });
    await refused(() => command(t, clerk, '', submitBody(later, { at: on('2019-11-29') })), 409, { code: 'not_in_force' });
    await refused(() => command(t, clerk, `/${accepted}/suspend`, { reason: '核查', at: on('2019-09-26') }), 409, { code: 'out_of_order' });
    const keys = await sqlOf(t).query<{ n: number }>('SELECT count(*)::int AS n FROM applicant_keys');
    expect(keys[0].n).toBe(1); // refused submissions leave no key behind
  });

  it('412 when If-Match names another version, 413 for a body too large', async () => {
    await refused(() => command(t, clerk, `/${accepted}/suspend`, { reason: '核查', at: on('2019-09-30') }, { 'If-Match': '"1"' }), 412);
    await refused(() => command(t, clerk, `/${accepted}/reject`, { reason: '很'.repeat(20_000) }), 413);
    const ok = await command(t, clerk, `/${accepted}/suspend`, { reason: '核查', at: on('2019-09-30') }, { 'If-Match': '"2"' }).expect(200);
    expect(ok.body.version).toBe(3);
  });

  it('cross-department: window staff of another department can neither handle nor read the application', async () => {
    const other = staff(t, DEPT_B);
    await refused(() => command(t, other, `/${accepted}/suspend`, { reason: '核查' }), 404);
    await refused(() => request(t.http).get(`/api/v1/applications/${accepted}`).set('Authorization', `Bearer ${other}`), 404);
    const officer = t.token({ roles: ['department_officer'], departmentId: DEPT_B });
    await refused(() => request(t.http).get(`/api/v1/applications/${accepted}`).set('Authorization', `Bearer ${officer}`), 404);
    const theirs = await request(t.http).get('/api/v1/applications').set('Authorization', `Bearer ${other}`).expect(200);
    expect(theirs.body.items).toEqual([]);
    const assessor = t.token({ roles: ['assessor'] });
    expect(await readApplication(t, assessor, accepted, 2)).toMatchObject({ id: accepted, departmentId: DEPT_A });
  });

  it('10 concurrent accepts of one application: exactly one succeeds, the others are 409', async () => {
    const { id } = await submitted(t, matterId);
    const before = await eventCount(t);
    const responses = await Promise.all(Array.from({ length: 10 }, () => command(t, clerk, `/${id}/accept`, { at: on('2019-09-27') })));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(409)]);
    for (const response of responses.filter((r) => r.status === 409))
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await eventCount(t)).toBe(before + 1);
    expect(await readApplication(t, clerk, id, 2)).toMatchObject({ status: 'accepted', version: 2 });
  });

  it('an idempotent retry returns the first response and appends nothing; the same key with another body is 409', async () => {
    const headers = { 'Idempotency-Key': 'submit-retry-0001' };
    const first = await command(t, clerk, '', submitBody(matterId), headers).expect(201);
    const count = await eventCount(t);
    const again = await command(t, clerk, '', submitBody(matterId), headers).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe('"1"');
    expect(await eventCount(t)).toBe(count);
    await refused(() => command(t, clerk, '', submitBody(matterId, { channel: 'mobile' }), headers), 409);

    const accept = { 'Idempotency-Key': 'accept-retry-0001' };
    const accepted1 = await command(t, clerk, `/${first.body.id}/accept`, { at: on('2019-09-27') }, accept).expect(200);
    const accepted2 = await command(t, clerk, `/${first.body.id}/accept`, { at: on('2019-09-27') }, accept).expect(200);
    expect(accepted2.body).toEqual(accepted1.body);
    expect(await eventCount(t)).toBe(count + 1);
  });
});
