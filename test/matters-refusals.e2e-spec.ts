import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { bearer, errorFields, expectNothingAppended, expectProblem, registerBody, unknownMatterId } from './matters-e2e.fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Every 4xx of api.md for matters: problem+json, and nothing appended. */
describe.each(testBackends())('matters refusals on %s', (backend) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = t.token({ roles: ['catalog_admin'] });
  });
  afterAll(() => t.close());

  const register = (body: object, token = admin) => request(t.http).post('/api/v1/matters').set(bearer(token)).send(body);
  const post = (id: string, path: string, body: object = {}, headers: Record<string, string> = {}) =>
    request(t.http).post(`/api/v1/matters/${id}/${path}`).set(bearer(admin)).set(headers).send(body);
  const draft = async () => (await register(registerBody()).expect(201)).body as { id: string; version: number; position: number };

  it('400: names every invalid field', async () => {
    const body = registerBody({
      code: 'has space',
      handlingType: 'sometimes',
      maxVisits: 12,
      legalTimeLimit: { value: -1, unit: 'week' },
      channels: { online: 'yes', mobile: true },
      exemptions: { online: { reason: '' } },
      materials: [{ name: '', electronic: true }, { electronic: 'no' }],
    });
    const response = await expectNothingAppended(t, () => register(body));
    expectProblem(response, 400);
    expect(errorFields(response)).toEqual(
      expect.arrayContaining([
        'code',
        'handlingType',
        'maxVisits',
        'legalTimeLimit.value',
        'legalTimeLimit.unit',
        'channels.online',
        'exemptions.online.reason',
        'materials.0.name',
        'materials.1.name',
        'materials.1.electronic',
      ]),
    );
  });

  it('400: a missing element, and legalTimeLimit must be given (null when the law sets none)', async () => {
    const { legalTimeLimit: _legal, materials: _materials, ...body } = registerBody();
    const response = await expectNothingAppended(t, () => register(body));
    expectProblem(response, 400);
    expect(errorFields(response)).toEqual(expect.arrayContaining(['legalTimeLimit', 'materials']));
    await register(registerBody({ legalTimeLimit: null })).expect(201);
  });

  it('400: unknown fields, at the top and nested', async () => {
    const response = await expectNothingAppended(t, () =>
      register({ ...registerBody(), colour: 'red', channels: { online: true, mobile: true, fax: true } }),
    );
    expectProblem(response, 400);
    expect(errorFields(response)).toEqual(expect.arrayContaining(['colour', 'channels.fax']));
  });

  it('400 invalid_elements: promised limit above the legal one, instant with a promised limit, promised with 0', async () => {
    const cases = [
      registerBody({ legalTimeLimit: { value: 1, unit: 'month' }, promisedTimeLimit: { value: 23, unit: 'workday' } }),
      registerBody({ handlingType: 'instant', promisedTimeLimit: { value: 1, unit: 'workday' } }),
      registerBody({ handlingType: 'promised', promisedTimeLimit: { value: 0, unit: 'workday' } }),
    ];
    const fields = [['promisedTimeLimit'], ['promisedTimeLimit'], ['handlingType']];
    for (const [index, body] of cases.entries()) {
      const response = await expectNothingAppended(t, () => register(body));
      expectProblem(response, 400, { code: 'invalid_elements' });
      expect(errorFields(response)).toEqual(fields[index]);
    }
    await register(registerBody({ handlingType: 'instant', promisedTimeLimit: { value: 0, unit: 'workday' } })).expect(201);
  });

  it('400: `at` in the future; a malformed effectiveFrom; an id that is not a UUID', async () => {
    const future = await expectNothingAppended(t, () => register(registerBody({ at: '2999-01-01T00:00:00+08:00' })));
    expectProblem(future, 400);
    expect(errorFields(future)).toEqual(['at']);
    const { id } = await draft();
    const badDate = await expectNothingAppended(t, () => post(id, 'publish', { effectiveFrom: '2019-02-30' }));
    expectProblem(badDate, 400);
    expect(errorFields(badDate)).toEqual(['effectiveFrom']);
    expectProblem(await request(t.http).get('/api/v1/matters/not-a-uuid').set(bearer(admin)), 400);
    expectProblem(await post('not-a-uuid', 'publish', { effectiveFrom: '2019-03-01' }), 400);
  });

  it('401 without a token, 403 for a role that may not change the catalogue', async () => {
    expectProblem(await expectNothingAppended(t, () => request(t.http).post('/api/v1/matters').send(registerBody())), 401);
    expectProblem(await request(t.http).get('/api/v1/matters'), 401);
    const clerk = t.token({ roles: ['window_staff'], departmentId: 'dept-market' });
    expectProblem(await expectNothingAppended(t, () => register(registerBody(), clerk)), 403);
    const { id } = await draft();
    const refused = await expectNothingAppended(t, () =>
      request(t.http).post(`/api/v1/matters/${id}/publish`).set(bearer(clerk)).send({ effectiveFrom: '2019-03-01' }),
    );
    expectProblem(refused, 403);
  });

  it('404 for an unknown matter, on commands and reads', async () => {
    const id = unknownMatterId();
    expectProblem(await expectNothingAppended(t, () => post(id, 'publish', { effectiveFrom: '2019-03-01' })), 404, { code: 'not_found' });
    expectProblem(await request(t.http).get(`/api/v1/matters/${id}`).set(bearer(admin)), 404);
    expectProblem(await request(t.http).get(`/api/v1/matters/${id}/history`).set(bearer(admin)), 404);
  });

  it('409 illegal_transition: resume a draft, revise a draft, publish twice, anything after retirement', async () => {
    const { id } = await draft();
    expectProblem(await expectNothingAppended(t, () => post(id, 'resume')), 409, { code: 'illegal_transition' });
    const revise = await expectNothingAppended(t, () => post(id, 'revisions', { maxVisits: 1, effectiveFrom: '2019-04-01' }));
    expectProblem(revise, 409, { code: 'illegal_transition' });
    await post(id, 'publish', { effectiveFrom: '2019-03-01' }).expect(200);
    expectProblem(await expectNothingAppended(t, () => post(id, 'publish', { effectiveFrom: '2019-03-01' })), 409, {
      code: 'illegal_transition',
    });
    await post(id, 'retire', { reason: 'abolished' }).expect(200);
    expectProblem(await expectNothingAppended(t, () => post(id, 'suspend', { reason: 'x' })), 409, { code: 'illegal_transition' });
  });

  it('409 duplicate_code: a second matter with a code in use', async () => {
    const body = registerBody();
    await register(body).expect(201);
    const response = await expectNothingAppended(t, () => register({ ...registerBody(), code: body.code }));
    expectProblem(response, 409, { code: 'duplicate_code' });
    expect(errorFields(response)).toEqual(['code']);
  });

  it('412 when If-Match names another version; the matching version is accepted', async () => {
    const { id } = await draft();
    const stale = await expectNothingAppended(t, () => post(id, 'publish', { effectiveFrom: '2019-03-01' }, { 'If-Match': '"7"' }));
    expectProblem(stale, 412, { currentVersion: 1 });
    const accepted = await post(id, 'publish', { effectiveFrom: '2019-03-01' }, { 'If-Match': '"1"' }).expect(200);
    expect(accepted.headers.etag).toBe('"2"');
  });

  it('413 for a body over the limit', async () => {
    const response = await expectNothingAppended(t, () => register(registerBody({ name: 'x'.repeat(300 * 1024) })));
    expectProblem(response, 413);
  });
});
