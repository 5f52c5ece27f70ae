import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { apiRoutes, urlOf } from './support/openapi-routes';
import { startTestApp, type TestApp } from './support/test-app';

/** The conventions libs/http defines once for every route: the id rule, paging, the 403 text. */
describe.each(testBackends())('HTTP conventions on %s', (backend) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = `Bearer ${t.token({ roles: ['admin'] })}`;
  });
  afterAll(async () => t?.close());

  it('a path id that is not a UUID is 400 "id must be a UUID" (field id) on every route that takes one', async () => {
    // the directory's departments are named by the ids every record carries (`scjg`), not by UUIDs
    const routes = (await apiRoutes(t)).filter(
      (route) => route.pathParams.includes('id') && !route.path.startsWith('/api/v1/departments/'),
    );
    expect(routes.length).toBeGreaterThan(20);
    const answers = [];
    for (const route of routes) {
      const url = urlOf(route, { id: 'not-a-uuid', deliveryId: 'x' });
      const call = request(t.http)[route.method.toLowerCase() as 'get' | 'post' | 'delete'](url).set('Authorization', admin);
      const response = route.method === 'GET' || route.method === 'DELETE' ? await call : await call.send({});
      answers.push({
        route: route.key,
        status: response.status,
        type: response.type,
        detail: response.body.detail,
        errors: response.body.errors,
      });
    }
    expect(answers).toEqual(
      routes.map((route) => ({
        route: route.key,
        status: 400,
        type: 'application/problem+json',
        detail: 'id must be a UUID',
        errors: [{ field: 'id', message: 'id must be a UUID' }],
      })),
    );
  });

  it.each(['/api/v1/matters', '/api/v1/applications', '/api/v1/quality-issues', '/api/v1/audit-log'])(
    'a list refuses ?limit= and ?page=0 with a 400 that names page and pageSize: %s',
    async (path) => {
      for (const query of ['limit=10', 'page=0', 'pageSize=1000']) {
        const response = await request(t.http).get(`${path}?${query}`).set('Authorization', admin);
        expect([query, response.status, response.type]).toEqual([query, 400, 'application/problem+json']);
        expect(response.body.detail).toMatch(/\bpage\b.*\bpageSize\b/);
      }
    },
  );

  it('a 403 names each role that may call the route once', async () => {
    const assessor = `Bearer ${t.token({ roles: ['assessor'] })}`;
    const audit = await request(t.http).get('/api/v1/audit-log').set('Authorization', assessor).expect(403);
    expect(audit.body.detail).toBe('this needs one of the roles: admin');
    const register = await request(t.http).post('/api/v1/matters').set('Authorization', assessor).send({}).expect(403);
    expect(register.body.detail).toBe('this needs one of the roles: admin, catalog_admin');
  });
});
