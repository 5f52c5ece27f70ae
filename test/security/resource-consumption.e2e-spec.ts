import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { MAX_PAGE_SIZE } from '@app/http';
import { apiRoutes } from '../support/openapi-routes';
import { eventCount } from '../support/quality-fixtures';
import { assertSafeResponse } from '../support/response-safety';
import { applicationBody, auth, freshMatter } from '../support/security-world';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const LIMIT = 20;

/** OWASP API4 (unrestricted resource consumption): page size, page depth, body size, request rate, minPosition wait. One app per file (PGlite). */
describe.each(testBackends())('resource consumption on %s', (backend) => {
  let t: TestApp;
  let caller = 0;
  /** A token of its own for each check, so the small rate limit of this app does not mix them up. */
  const fresh = (roles: ['admin'] | ['window_staff'] = ['admin']) =>
    t.token({ roles, sub: `caller-${++caller}`, ...(roles[0] === 'window_staff' && { departmentId: 'dept-a' }) });

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: String(LIMIT), BODY_LIMIT: '256kb' });
  });
  afterAll(() => t.close());

  it('caps pageSize and page on every paged list of /docs-json (400), and serves the cap itself', async () => {
    const paged = (await apiRoutes(t)).filter((route) => route.queryParams.includes('pageSize'));
    expect(paged.length).toBeGreaterThanOrEqual(5);
    const token = fresh();
    for (const route of paged.slice(0, LIMIT / 4)) {
      for (const query of [`pageSize=${MAX_PAGE_SIZE + 1}`, 'pageSize=1000000', 'page=1e308', 'page=0']) {
        const response = await request(t.http).get(`${route.path}?${query}`).set(auth(token));
        expect([route.path, query, response.status]).toEqual([route.path, query, 400]);
        assertSafeResponse(response, `${route.path}?${query}`);
      }
    }
    const rest = fresh();
    // the lists of one record (a subscription's deliveries) need a real record: the top-level lists serve the cap
    for (const route of paged.filter((candidate) => candidate.pathParams.length === 0))
      await request(t.http).get(`${route.path}?pageSize=${MAX_PAGE_SIZE}`).set(auth(rest)).expect(200);
  });

  it('refuses a body past BODY_LIMIT with 413 problem+json and appends nothing', async () => {
    const matterId = await freshMatter(t);
    const before = await eventCount(t);
    const body = applicationBody(matterId, '330602199001011234', { name: '张'.repeat(100_000) });
    const response = await request(t.http)
      .post('/api/v1/applications')
      .set(auth(fresh(['window_staff'])))
      .send(body);
    expect(response.status).toBe(413);
    assertSafeResponse(response, 'oversized body');
    expect(await eventCount(t)).toBe(before);
  });

  it(`limits a token to ${LIMIT} requests a minute: then 429 with Retry-After; other callers go on`, async () => {
    const token = fresh();
    for (let i = 0; i < LIMIT; i++) await request(t.http).get('/api/v1/matters').set(auth(token)).expect(200);
    const limited = await request(t.http).get('/api/v1/matters').set(auth(token)).expect(429);
    assertSafeResponse(limited, '429');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(t.http).get('/api/v1/matters').set(auth(fresh())).expect(200);
  });

  it('limits a flood of made-up tokens from one address like the address itself (a new token per request is no way around it)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LIMIT; i++) {
      const garbage = `${randomBytes(12).toString('base64url')}.${randomBytes(24).toString('base64url')}.${randomBytes(32).toString('base64url')}`;
      statuses.push((await request(t.http).get('/api/v1/matters').set('Authorization', `Bearer ${garbage}`)).status);
    }
    expect(statuses.slice(0, LIMIT).every((status) => status === 401)).toBe(true);
    expect(statuses[LIMIT]).toBe(429);
  });

  it('bounds the ?minPosition= wait: 503 with Retry-After after about 5 s, never a hang', async () => {
    const started = Date.now();
    const response = await request(t.http).get('/api/v1/matters?minPosition=999999999').set(auth(fresh()));
    const elapsed = Date.now() - started;
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBeDefined();
    expect(elapsed).toBeGreaterThanOrEqual(4_500);
    expect(elapsed).toBeLessThan(7_000);
    await request(t.http).get('/api/v1/matters?minPosition=1e400').set(auth(fresh())).expect(400);
  });
});
