import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

const LIMIT = 3;

/**
 * README: RATE_LIMIT_PER_MINUTE requests per minute per token (per client address without one) —
 * one budget for all routes, not one per route. Its own file: one app per file on PGlite.
 */
describe.each(testBackends())('rate limit: one budget per caller across routes, on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) => {
    const pending = request(t.http).get(`/api/v1/${path}`);
    return token === undefined ? pending : pending.set('Authorization', `Bearer ${token}`);
  };

  it('requests spread over two routes spend one token budget; another token has its own', async () => {
    const first = t.token({ roles: ['admin'], sub: 'budget-one' });
    const second = t.token({ roles: ['admin'], sub: 'budget-two' });
    const statuses = [
      (await get('matters', first)).status,
      (await get('applications', first)).status,
      (await get('matters', first)).status,
      (await get('applications', first)).status, // the 4th of this token, the 2nd on this route
    ];
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await get('quality-issues', first); // a route it never called
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.body).toMatchObject({ status: 429, type: '/problems/rate-limited' });

    expect((await get('applications', second)).status).toBe(200);
    expect((await get('matters', second)).status).toBe(200);
  });

  it('without a token, one budget per client address across routes, apart from the tokens', async () => {
    const statuses = [];
    for (const path of ['matters', 'applications', 'quality-issues', 'matters']) statuses.push((await get(path)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect((await get('applications', t.token({ roles: ['admin'], sub: 'budget-three' }))).status).toBe(200);
  });
});
