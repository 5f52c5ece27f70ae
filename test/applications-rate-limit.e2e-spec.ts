import { testBackends } from '@app/event-store/testing';
import { command, eventCount, staff } from './support/applications';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/** Its own file: typeorm-pglite keeps one PGlite per process, so one app per file on PGlite. */
describe.each(testBackends())('applications: rate limit on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '2' });
  });
  afterAll(() => t.close());

  it('429 past RATE_LIMIT_PER_MINUTE, with Retry-After and problem+json, appending nothing', async () => {
    const token = staff(t);
    for (let i = 0; i < 2; i++) await command(t, token, `/${UNKNOWN}/accept`).expect(404);
    const response = await command(t, token, `/${UNKNOWN}/accept`).expect(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 429, type: '/problems/rate-limited' });
    expect(response.headers['retry-after']).toBeDefined();
    expect(await eventCount(t)).toBe(0);
  });
});
