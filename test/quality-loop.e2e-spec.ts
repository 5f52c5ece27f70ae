import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { bearer, createMatter, eventCount, readCaughtUp } from './support/quality-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe.each(testBackends())('quality issues: the closed loop on %s', (backend) => {
  let t: TestApp;
  let matterId: string;
  let inspector: string;
  let officerA: string;
  let officerB: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    matterId = await createMatter(t, { departmentId: 'dept-a', regionCode: '330602' });
    inspector = bearer(t, ['inspector'], { sub: 'insp-1' });
    officerA = bearer(t, ['department_officer'], { departmentId: 'dept-a', sub: 'officer-a' });
    officerB = bearer(t, ['department_officer'], { departmentId: 'dept-b', sub: 'officer-b' });
  });
  afterAll(() => t.close());

  const post = (path: string, auth: string, body: object = {}) =>
    request(t.http).post(`/api/v1/quality-issues${path}`).set('Authorization', auth).send(body);
  const detail = async (id: string) => (await readCaughtUp(t, `/api/v1/quality-issues/${id}`, inspector)).body;

  it('runs found → assigned → rectified → failed verification → rectified → closed → reopened, the read model following each step', async () => {
    const logged = await post('', inspector, {
      matterId,
      category: 'materials_unclear',
      description: '申请材料含“其他材料”',
      at: '2019-09-27T09:00:00+08:00',
    }).expect(201);
    expect(logged.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
    expect(logged.headers.etag).toBe('"1"');
    const id: string = logged.body.id;
    // 15 working days after Fri 27 Sep 2019: Sun 29 Sep and Sat 12 Oct are make-up days, 1–7 Oct off
    expect(await detail(id)).toMatchObject({
      id,
      matterId,
      departmentId: 'dept-a',
      regionCode: '330602',
      status: 'found',
      deadline: '2019-10-23',
      categoryLabel: { zh: '材料不明确' },
      foundOn: '2019-09-27',
      inspector: 'insp-1',
    });

    await post(`/${id}/assign`, inspector, { at: '2019-09-27T10:00:00+08:00' }).expect(200);
    expect(await detail(id)).toMatchObject({ status: 'assigned', version: 2 });

    await post(`/${id}/rectifications`, officerA, { note: '已删除兜底条款', at: '2019-10-08T09:00:00+08:00' }).expect(200);
    expect(await detail(id)).toMatchObject({ status: 'rectified', lastNote: '已删除兜底条款' });

    await post(`/${id}/verification`, inspector, { passed: false, comment: '仍有“其他相关材料”', at: '2019-10-09T09:00:00+08:00' }).expect(
      200,
    );
    expect(await detail(id)).toMatchObject({ status: 'assigned', returnedWith: '仍有“其他相关材料”' });

    await post(`/${id}/rectifications`, officerA, { note: '已全部删除', at: '2019-10-10T09:00:00+08:00' }).expect(200);
    expect(await detail(id)).toMatchObject({ status: 'rectified' });

    const closed = await post(`/${id}/verification`, inspector, { passed: true, at: '2019-10-11T09:00:00+08:00' }).expect(200);
    expect(closed.body.version).toBe(6);
    expect(await detail(id)).toMatchObject({ status: 'closed', closedOn: '2019-10-11', overdue: false });

    await post(`/${id}/reopen`, inspector, { reason: '修订后再次出现', at: '2019-11-01T09:00:00+08:00' }).expect(200);
    const reopened = await detail(id);
    expect(reopened).toMatchObject({ status: 'assigned', closedOn: null, returnedWith: '修订后再次出现', deadline: '2019-11-22' });
    expect(reopened.history.map((s: { step: string; status: string }) => `${s.step}:${s.status}`)).toEqual([
      'found:found',
      'assigned:assigned',
      'rectification-submitted:rectified',
      'verification-failed:assigned',
      'rectification-submitted:rectified',
      'verified:closed',
      'reopened:assigned',
    ]);
  });

  it('lets only an officer of the issue’s own department rectify (another department’s issue is unknown to it: 404; 403 for an inspector; nothing appended)', async () => {
    const { body } = await post('', inspector, { matterId, category: 'other', description: 'x' }).expect(201);
    await post(`/${body.id}/assign`, inspector).expect(200);
    const before = await eventCount(t);
    const refused = await post(`/${body.id}/rectifications`, officerB, { note: 'not ours' }).expect(404);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 404, code: 'not_found', detail: `no quality issue ${body.id}` });
    await post(`/${body.id}/rectifications`, inspector, { note: 'inspectors do not rectify' }).expect(403);
    expect(await eventCount(t)).toBe(before);
    await post(`/${body.id}/rectifications`, officerA, { note: 'fixed' }).expect(200);
  });

  it('scopes reads to the caller’s department', async () => {
    const { body } = await post('', inspector, { matterId, category: 'other', description: 'scoped' }).expect(201);
    // another department's issue is unknown to the caller, like an id that does not exist (kernel rule)
    const hidden = await readCaughtUp(t, `/api/v1/quality-issues/${body.id}`, officerB, 404);
    expect(hidden.body).toMatchObject({ status: 404, code: 'not_found', detail: `no quality issue ${body.id}` });
    await readCaughtUp(t, `/api/v1/quality-issues/${body.id}`, officerA);
    const mine = await readCaughtUp(t, '/api/v1/quality-issues?status=open', officerB);
    expect(mine.body.total).toBe(0);
    const theirs = await readCaughtUp(t, '/api/v1/quality-issues?status=open', officerA);
    expect(theirs.body.items.every((i: { departmentId: string }) => i.departmentId === 'dept-a')).toBe(true);
    expect(theirs.body.total).toBeGreaterThan(0);
    await readCaughtUp(t, '/api/v1/quality-issues?departmentId=dept-a', officerB, 403);
  });

  it('answers every refusal with problem+json and appends nothing', async () => {
    const { body } = await post('', inspector, { matterId, category: 'other', description: 'refusals' }).expect(201);
    const id: string = body.id;
    const before = await eventCount(t);
    const cases: [string, request.Test, number][] = [
      ['unknown field', post('', inspector, { matterId, category: 'other', description: 'x', severity: 'high' }), 400],
      ['unknown category', post('', inspector, { matterId, category: 'typo', description: 'x' }), 400],
      [
        'deadline before at',
        post('', inspector, { matterId, category: 'other', description: 'x', deadline: '2019-01-01', at: '2019-05-05T09:00:00+08:00' }),
        400,
      ],
      ['at in the future', post('', inspector, { matterId, category: 'other', description: 'x', at: '2999-01-01T00:00:00Z' }), 400],
      ['failed verification without comment', post(`/${id}/verification`, inspector, { passed: false }), 409],
      ['no token', request(t.http).post('/api/v1/quality-issues').send({ matterId, category: 'other', description: 'x' }), 401],
      [
        'wrong role',
        post('', bearer(t, ['window_staff'], { departmentId: 'dept-a' }), { matterId, category: 'other', description: 'x' }),
        403,
      ],
      [
        'unknown matter',
        post('', inspector, { matterId: '00000000-0000-4000-8000-000000000000', category: 'other', description: 'x' }),
        404,
      ],
      ['unknown issue', post('/00000000-0000-4000-8000-000000000000/assign', inspector), 404],
      ['rectify before assignment', post(`/${id}/rectifications`, officerA, { note: 'too early' }), 409],
      ['reopen an open issue', post(`/${id}/reopen`, inspector, { reason: 'x' }), 409],
      ['stale If-Match', post(`/${id}/assign`, inspector).set('If-Match', '"7"'), 412],
    ];
    for (const [name, call, status] of cases) {
      const response = await call;
      expect({ name, status: response.status }).toEqual({ name, status: expect.any(Number) });
      if (response.status !== status)
        throw new Error(`${name}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), detail: expect.any(String) });
    }
    expect(await eventCount(t)).toBe(before);
    await post(`/${id}/assign`, inspector).set('If-Match', '"1"').expect(200);
    await post(`/${id}/assign`, inspector).expect(409);
  });

  it('documents the routes in /docs-json', async () => {
    const { body } = await request(t.http).get('/docs-json').expect(200);
    for (const path of [
      '/api/v1/quality-issues',
      '/api/v1/quality-issues/{id}',
      '/api/v1/quality-issues/{id}/assign',
      '/api/v1/quality-issues/{id}/rectifications',
      '/api/v1/quality-issues/{id}/verification',
      '/api/v1/quality-issues/{id}/reopen',
      '/api/v1/quality-checks',
      '/api/v1/rectification-ledger',
      '/api/v1/audit-log',
      '/api/v1/audit-log/verify',
    ])
      expect(Object.keys(body.paths)).toContain(path);
    expect(body.paths['/api/v1/quality-issues'].post.responses['409']).toBeDefined();
  });
});
