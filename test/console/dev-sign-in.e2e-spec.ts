import request from 'supertest';
import { describeOnPostgres } from '@app/event-store/testing';
import { launchTestApp, startTestApp, type TestApp } from '../support/test-app';

const DEV_PATHS = ['/api/v1/dev/sign-in', '/api/v1/dev/tokens'];
const GENERATED_SECRET = { AUTH_JWT_SECRET: '' };

describe('开发登录 on the embedded default with a generated secret', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await launchTestApp(GENERATED_SECRET);
  });
  afterAll(() => t.close());

  it('mints a token for a chosen role, department and region that the API accepts', async () => {
    await request(t.http)
      .get('/api/v1/dev/sign-in')
      .expect(200, { roles: ['catalog_admin', 'window_staff', 'inspector', 'department_officer', 'assessor', 'admin'] });
    const minted = await request(t.http)
      .post('/api/v1/dev/tokens')
      .send({ roles: ['assessor'], departmentId: 'dept-market', regionCode: '330602' })
      .expect(201);
    expect(minted.body).toMatchObject({
      sub: 'dev-assessor',
      roles: ['assessor'],
      departmentId: 'dept-market',
      regionCode: '330602',
      expiresIn: '12h',
    });
    await request(t.http).get('/api/v1/rankings?indicator=instantRate').auth(minted.body.token, { type: 'bearer' }).expect(200);

    const clerk = await request(t.http)
      .post('/api/v1/dev/tokens')
      .send({ roles: ['window_staff'] })
      .expect(201);
    await request(t.http).get('/api/v1/rankings?indicator=instantRate').auth(clerk.body.token, { type: 'bearer' }).expect(403);
  });

  it('refuses an unknown role or field as problem+json', async () => {
    const response = await request(t.http)
      .post('/api/v1/dev/tokens')
      .send({ roles: ['root'] })
      .expect(400);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    await request(t.http)
      .post('/api/v1/dev/tokens')
      .send({ roles: ['admin'], isAdmin: true })
      .expect(400);
    await request(t.http).post('/api/v1/dev/tokens').send({ roles: [] }).expect(400);
  });

  it('is documented as needing no token', async () => {
    const document = (await request(t.http).get('/docs-json').expect(200)).body;
    expect(document.paths['/api/v1/dev/tokens'].post.security).toEqual([]);
    expect(document.paths['/api/v1/dev/sign-in'].get.security).toEqual([]);
  });
});

/** 404, as for a route that does not exist, and absent from the OpenAPI document. */
async function expectNoDevSignIn(t: TestApp): Promise<void> {
  await request(t.http)
    .post('/api/v1/dev/tokens')
    .send({ roles: ['admin'] })
    .expect(404);
  await request(t.http).get('/api/v1/dev/sign-in').expect(404);
  const document = (await request(t.http).get('/docs-json').expect(200)).body;
  for (const path of DEV_PATHS) expect(document.paths[path]).toBeUndefined();
}

describe('no 开发登录 where a secret was configured (embedded, AUTH_JWT_SECRET set)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await launchTestApp({});
  });
  afterAll(() => t.close());

  it('answers 404 and leaves it out of the OpenAPI document', () => expectNoDevSignIn(t));
});

describeOnPostgres('no 开发登录 with DATABASE_URL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('postgres');
  });
  afterAll(() => t.close());

  it('answers 404 and leaves it out of the OpenAPI document', () => expectNoDevSignIn(t));
});
