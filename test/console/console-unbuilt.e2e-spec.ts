import { join } from 'node:path';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { launchTestApp, type TestApp } from '../support/test-app';

/** Without a console build the API starts and answers as before; /console is simply not there. */
describe('an unbuilt console', () => {
  let t: TestApp;
  const before = process.env.CONSOLE_DIST;

  beforeAll(async () => {
    process.env.CONSOLE_DIST = join(tmpdir(), 'no-console-build-here');
    t = await launchTestApp({});
  });
  afterAll(async () => {
    await t.close();
    if (before === undefined) delete process.env.CONSOLE_DIST;
    else process.env.CONSOLE_DIST = before;
  });

  it('leaves the API, health and docs as they were and serves nothing at /console', async () => {
    await request(t.http).get('/health').expect(200);
    await request(t.http).get('/docs-json').expect(200);
    await request(t.http)
      .get('/api/v1/matters')
      .auth(t.token({ roles: ['admin'] }), { type: 'bearer' })
      .expect(200);
    await request(t.http).get('/console/').expect(404);
  });
});
