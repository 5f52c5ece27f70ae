import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import type { Role } from '@app/http';
import { apiRoutes, type ApiRoute } from '../support/openapi-routes';
import { auth, buildWorld, tokenFor, type World } from '../support/security-world';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/**
 * api.md "Security": who may call what. `Y` allowed (anything but 401/403), `-` refused (403).
 * Without a token every route is 401. Window staff and department officers carry department A,
 * the records used belong to department A, so a `-` here is the role check, not the scope (a 一件事
 * is submitted by window staff WITHOUT a department; one of department A is refused 403 by scope,
 * see bundles.e2e-spec.ts).
 */
const MATRIX = `
  route                                                  | catalog_admin | window_staff | inspector | department_officer | assessor | admin
  POST   /api/v1/matters                                 |       Y       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/matters                                 |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/matters/{id}/publish                    |       Y       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/matters/{id}/revisions                  |       Y       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/matters/{id}/suspend                    |       Y       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/matters/{id}/resume                     |       Y       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/matters/{id}/retire                     |       Y       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/matters/{id}                            |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  GET    /api/v1/matters/{id}/history                    |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/applications                            |       -       |      Y       |     -     |         -          |    -     |   Y
  GET    /api/v1/applications                            |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/applications/{id}/accept                |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/reject                |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/supplement-requests   |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/supplements           |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/special-procedures    |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/special-procedures/end|       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/suspend               |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/resume                |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/complete              |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/deliver               |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/evaluation            |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/deferred-materials    |       -       |      Y       |     -     |         -          |    -     |   Y
  POST   /api/v1/applications/{id}/re-evaluation         |       -       |      Y       |     -     |         -          |    -     |   Y
  GET    /api/v1/feedback-cases                          |       -       |      Y       |     Y     |         Y          |    Y     |   Y
  GET    /api/v1/feedback-cases/{id}                     |       -       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/feedback-cases/{id}/contact             |       -       |      Y       |     -     |         Y          |    -     |   Y
  POST   /api/v1/feedback-cases/{id}/rectification       |       -       |      Y       |     -     |         Y          |    -     |   Y
  DELETE /api/v1/applications/{id}/applicant             |       -       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/applications/{id}/applicant             |       -       |      Y       |     -     |         -          |    -     |   Y
  GET    /api/v1/applications/{id}                       |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/quality-issues                          |       -       |      -       |     Y     |         -          |    -     |   Y
  GET    /api/v1/quality-issues                          |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/quality-issues/{id}/assign              |       -       |      -       |     Y     |         -          |    -     |   Y
  POST   /api/v1/quality-issues/{id}/rectifications      |       -       |      -       |     -     |         Y          |    -     |   Y
  POST   /api/v1/quality-issues/{id}/verification        |       -       |      -       |     Y     |         -          |    -     |   Y
  POST   /api/v1/quality-issues/{id}/reopen              |       -       |      -       |     Y     |         -          |    -     |   Y
  GET    /api/v1/quality-issues/{id}                     |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/quality-checks                          |       -       |      -       |     Y     |         -          |    -     |   Y
  GET    /api/v1/rectification-ledger                    |       -       |      -       |     Y     |         -          |    Y     |   Y
  GET    /api/v1/audit-log                               |       -       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/audit-log/verify                        |       -       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/assessment                              |       -       |      -       |     -     |         -          |    Y     |   Y
  GET    /api/v1/rankings                                |       -       |      -       |     -     |         -          |    Y     |   Y
  GET    /api/v1/bulletins/daily                         |       -       |      -       |     -     |         -          |    Y     |   Y
  GET    /api/v1/bulletins/weekly                        |       -       |      -       |     -     |         -          |    Y     |   Y
  GET    /api/v1/reports/assessment.csv                  |       -       |      -       |     -     |         -          |    Y     |   Y
  GET    /api/v1/reports/assessment.xlsx                 |       -       |      -       |     -     |         -          |    Y     |   Y
  GET    /api/v1/supervision/warnings                    |       -       |      Y       |     Y     |         Y          |    Y     |   Y
  GET    /api/v1/supervision/cards                       |       -       |      Y       |     Y     |         Y          |    Y     |   Y
  GET    /api/v1/supervision/cards/{id}                  |       -       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/supervision/cards/{id}/explanation      |       -       |      -       |     -     |         Y          |    -     |   Y
  POST   /api/v1/supervision/cards/{id}/review           |       -       |      -       |     Y     |         -          |    -     |   Y
  GET    /api/v1/regions                                 |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  PUT    /api/v1/regions/{code}                          |       -       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/departments                             |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  GET    /api/v1/departments/{id}                        |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  PUT    /api/v1/departments/{id}                        |       -       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/supervision/sweeps                      |       -       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/subscriptions                           |       -       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/subscriptions                           |       -       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/subscriptions/{id}                      |       -       |      -       |     -     |         -          |    -     |   Y
  DELETE /api/v1/subscriptions/{id}                      |       -       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/subscriptions/{id}/deliveries           |       -       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/subscriptions/{id}/deliveries/{deliveryId}/retry | - |   -    |     -     |         -          |    -     |   Y
  POST   /api/v1/bundles                                 |       Y       |      -       |     -     |         -          |    -     |   Y
  GET    /api/v1/bundles                                 |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  GET    /api/v1/bundles/{id}                            |       Y       |      Y       |     Y     |         Y          |    Y     |   Y
  POST   /api/v1/bundles/{id}/revisions                  |       Y       |      -       |     -     |         -          |    -     |   Y
  POST   /api/v1/bundle-applications                     |       -       |      Y       |     -     |         -          |    -     |   Y
  GET    /api/v1/bundle-applications                     |       -       |      Y       |     Y     |         -          |    Y     |   Y
  GET    /api/v1/bundle-applications/{id}                |       -       |      Y       |     Y     |         -          |    Y     |   Y
`;

const [header, ...rows] = MATRIX.trim()
  .split('\n')
  .map((line) => line.split('|').map((cell) => cell.trim()));
const ROLES = header.slice(1) as Role[];
const EXPECTED = new Map(rows.map(([route, ...cells]) => [route.replace(/\s+/, ' '), cells.map((cell) => cell === 'Y')]));

describe.each(testBackends())('function-level authorization (OWASP API5) on %s', (backend) => {
  let t: TestApp;
  let world: World;
  let routes: ApiRoute[];

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
    world = await buildWorld(t);
    routes = await apiRoutes(t);
  });
  afterAll(() => t.close());

  function call(route: ApiRoute, token?: string) {
    const id = route.path.includes('/quality-issues/')
      ? world.a.issueId
      : route.path.includes('/applications/')
        ? world.a.applicationId
        : world.a.matterId;
    const url = route.path.replace('{id}', id);
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
    const pending = request(t.http)[method](url);
    if (token) pending.set(auth(token));
    return route.method === 'POST' ? pending.send({}) : pending;
  }

  it('the matrix names exactly the routes of /docs-json', () => {
    expect(routes.map((route) => route.key).sort()).toEqual([...EXPECTED.keys()].sort());
  });

  it('every route without a token is 401; every role gets what the matrix says', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const anonymous = await call(route);
      if (anonymous.status !== 401) mismatches.push(`${route.key} without a token → ${anonymous.status}, expected 401`);
      for (const [index, role] of ROLES.entries()) {
        const allowed = EXPECTED.get(route.key)?.[index];
        const { status } = await call(route, tokenFor(t, role));
        const ok = allowed ? ![401, 403].includes(status) && status < 500 : status === 403;
        if (!ok) mismatches.push(`${route.key} as ${role} → ${status}, expected ${allowed ? 'allowed' : '403'}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
