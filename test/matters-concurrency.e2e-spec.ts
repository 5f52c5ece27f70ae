import request from 'supertest';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { testBackends } from '@app/event-store/testing';
import { bearer, countEvents, errorFields, expectNothingAppended, expectProblem, MARKET, registerBody, TAX } from './matters-e2e.fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** Idempotent retries, concurrent registrations of one code, and the department scope of reads and commands. */
describe.each(testBackends())('matters: retries, races and department scope on %s', (backend) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = t.token({ roles: ['catalog_admin'], sub: 'cat-admin-2' });
  });
  afterAll(() => t.close());

  const register = (body: object, headers: Record<string, string> = {}, token = admin) =>
    request(t.http).post('/api/v1/matters').set(bearer(token)).set(headers).send(body);
  const sql = () => t.app.get<symbol, SqlClient>(SQL_CLIENT);

  it('an Idempotency-Key retry returns the same response and appends nothing; another body under it is 409', async () => {
    const body = registerBody();
    const key = { 'Idempotency-Key': 'register-once-0001' };
    const first = await register(body, key).expect(201);
    const retry = await expectNothingAppended(t, () => register(body, key));
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.etag).toBe(first.headers.etag);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expectProblem(await expectNothingAppended(t, () => register({ ...body, name: 'another name' }, key)), 409);
  });

  it('a retry whose first response was lost (no stored response) is not refused as a duplicate of itself', async () => {
    const body = registerBody();
    const key = { 'Idempotency-Key': 'register-lost-0001' };
    const first = await register(body, key).expect(201);
    await sql().query('DELETE FROM idempotency_keys WHERE key = $1', [key['Idempotency-Key']]);
    const retry = await expectNothingAppended(t, () => register(body, key));
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
  });

  it('a command retried under its key appends nothing either', async () => {
    const { body: matter } = await register(registerBody()).expect(201);
    const key = { 'Idempotency-Key': 'publish-once-0001' };
    const send = () =>
      request(t.http).post(`/api/v1/matters/${matter.id}/publish`).set(bearer(admin)).set(key).send({ effectiveFrom: '2019-03-01' });
    const first = await send().expect(200);
    expect((await expectNothingAppended(t, send)).body).toEqual(first.body);
  });

  it('10 concurrent registrations of one code: exactly one 201, the others 409 duplicate_code', async () => {
    const code = `RACE-${Date.now().toString(36)}`;
    const before = await countEvents(t);
    const responses = await Promise.all(Array.from({ length: 10 }, () => register(registerBody({ code }))));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([201, ...Array(9).fill(409)]);
    for (const refused of responses.filter((response) => response.status === 409)) expectProblem(refused, 409, { code: 'duplicate_code' });
    expect(await countEvents(t)).toBe(before + 1);
    const owners = await sql().query<{ matter_id: string }>('SELECT matter_id FROM matter_codes WHERE code = $1', [code]);
    expect(owners).toEqual([{ matter_id: responses.find((response) => response.status === 201)!.body.id }]);
  });

  it('a refused registration gives its code back', async () => {
    const body = registerBody({ handlingType: 'instant' }); // promised 3 with instant: refused by the domain
    expectProblem(await register(body), 400, { code: 'invalid_elements' });
    await register({ ...body, handlingType: 'promised' }).expect(201);
  });

  it('resume takes no body at all', async () => {
    const { body: matter } = await register(registerBody()).expect(201);
    await request(t.http).post(`/api/v1/matters/${matter.id}/publish`).set(bearer(admin)).send({ effectiveFrom: '2019-03-01' }).expect(200);
    await request(t.http).post(`/api/v1/matters/${matter.id}/suspend`).set(bearer(admin)).send({ reason: 'review' }).expect(200);
    const resumed = await request(t.http).post(`/api/v1/matters/${matter.id}/resume`).set(bearer(admin));
    expect(resumed.status).toBe(200);
    expect(resumed.body.version).toBe(4);
  });

  describe('department scope', () => {
    let market: { id: string; position: number };
    let tax: { id: string; position: number };
    const marketClerk = () => t.token({ roles: ['window_staff'], departmentId: MARKET });

    beforeAll(async () => {
      market = (await register(registerBody({ name: 'SCOPE market matter' })).expect(201)).body;
      tax = (await register(registerBody({ name: 'SCOPE tax matter', departmentId: TAX })).expect(201)).body;
    });

    const minPosition = () => Math.max(market.position, tax.position);

    it("a reader of department A gets 404 for B's matter and its history, and reads A's", async () => {
      const get = (path: string) => request(t.http).get(`${path}?minPosition=${minPosition()}`).set(bearer(marketClerk()));
      await get(`/api/v1/matters/${market.id}`).expect(200);
      await get(`/api/v1/matters/${market.id}/history`).expect(200);
      expectProblem(await get(`/api/v1/matters/${tax.id}`), 404);
      expectProblem(await get(`/api/v1/matters/${tax.id}/history`), 404);
    });

    it("lists only the caller's department, and refuses a filter naming another (403)", async () => {
      const list = (query = '') =>
        request(t.http).get(`/api/v1/matters?minPosition=${minPosition()}&q=SCOPE${query}`).set(bearer(marketClerk()));
      const own = await list().expect(200);
      expect(own.body.items.map((m: { id: string }) => m.id)).toEqual([market.id]);
      await list(`&departmentId=${MARKET}`).expect(200);
      expectProblem(await list(`&departmentId=${TAX}`), 403);
      const unscoped = await request(t.http).get(`/api/v1/matters?minPosition=${minPosition()}&q=SCOPE`).set(bearer(admin)).expect(200);
      expect(unscoped.body.total).toBe(2);
    });

    it("a catalogue administrator of department A cannot touch B's matters nor register into B", async () => {
      const marketAdmin = t.token({ roles: ['catalog_admin'], departmentId: MARKET });
      const publish = await expectNothingAppended(t, () =>
        request(t.http).post(`/api/v1/matters/${tax.id}/publish`).set(bearer(marketAdmin)).send({ effectiveFrom: '2019-03-01' }),
      );
      expectProblem(publish, 404);
      const intoTax = await expectNothingAppended(t, () => register(registerBody({ departmentId: TAX }), {}, marketAdmin));
      expectProblem(intoTax, 403);
      expect(errorFields(intoTax)).toEqual(['departmentId']);
      await register(registerBody(), {}, marketAdmin).expect(201);
    });
  });
});
