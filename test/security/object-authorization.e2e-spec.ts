import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import type { Role } from '@app/http';
import { eventCount } from '../support/quality-fixtures';
import { assertSafeResponse } from '../support/response-safety';
import { applicationBody, auth, buildWorld, DEPT_A, DEPT_B, matterBody, untilProjected, type World } from '../support/security-world';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Department B's callers on department A's records (OWASP API1, BOLA): 403 or 404, never the data, nothing appended. */
describe.each(testBackends())('object-level authorization (OWASP API1) on %s', (backend) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
    world = await buildWorld(t);
    await request(t.http)
      .post(`/api/v1/quality-issues/${world.a.issueId}/assign`)
      .set(auth(t.token({ roles: ['inspector'] })))
      .send({})
      .expect(200);
    await untilProjected(t, world);
  });
  afterAll(() => t.close());

  const ofB = (role: Role) => t.token({ roles: [role], departmentId: DEPT_B, sub: `${role}-of-b` });
  const read = (path: string, token: string) => request(t.http).get(path).set(auth(token));

  /** A's ids: none may appear in what B is shown (but in the URL B itself sent). */
  const secretsOfA = () => [world.a.applicationId, world.a.issueId, world.a.matterId];
  const expectRefused = (response: request.Response, what: string) => {
    if (![403, 404].includes(response.status)) throw new Error(`${what} → ${response.status}, expected 403/404: ${response.text}`);
    assertSafeResponse(response, what);
    for (const secret of [world.a.applicationId, world.a.issueId, world.a.matterId])
      if (response.text.includes(secret) && !what.includes(secret)) throw new Error(`${what} revealed ${secret}`);
  };

  it('reads of A’s matter, application and quality issue by B’s roles are 403/404 and reveal nothing', async () => {
    for (const role of ['window_staff', 'department_officer', 'catalog_admin', 'inspector', 'assessor'] as Role[]) {
      const token = ofB(role);
      for (const path of [
        `/api/v1/matters/${world.a.matterId}`,
        `/api/v1/matters/${world.a.matterId}/history`,
        `/api/v1/applications/${world.a.applicationId}`,
        `/api/v1/applications/${world.a.applicationId}/applicant`,
        `/api/v1/quality-issues/${world.a.issueId}`,
        `/api/v1/quality-issues/quality-issue-${world.a.issueId}`,
      ])
        expectRefused(await read(path, token), `GET ${path} as ${role} of B`);
    }
  });

  it('lists scoped to B never contain A’s records, and naming department A is 403', async () => {
    const token = ofB('window_staff');
    for (const path of ['/api/v1/matters', '/api/v1/applications', '/api/v1/quality-issues']) {
      const response = await read(path, token);
      expect([path, response.status]).toEqual([path, 200]);
      for (const secret of secretsOfA()) expect(response.text).not.toContain(secret);
      const own = { '/api/v1/matters': world.b.matterId, '/api/v1/applications': world.b.applicationId }[path] ?? world.b.issueId;
      expect(response.text).toContain(own);
      expectRefused(await read(`${path}?departmentId=${DEPT_A}`, token), `${path} naming A`);
    }
    const ledger = await read(
      `/api/v1/rectification-ledger?departmentId=${DEPT_A}`,
      t.token({ roles: ['assessor'], departmentId: DEPT_B }),
    );
    expectRefused(ledger, 'ledger of A as assessor of B');
  });

  it('writes by B on A’s records are 403/404 and append nothing', async () => {
    const before = await eventCount(t);
    const attempts: [string, Role, object][] = [
      [`/api/v1/applications/${world.a.applicationId}/accept`, 'window_staff', {}],
      [`/api/v1/applications/${world.a.applicationId}/reject`, 'window_staff', { reason: 'x' }],
      [`/api/v1/applications`, 'window_staff', applicationBody(world.a.matterId)],
      [`/api/v1/quality-issues/${world.a.issueId}/rectifications`, 'department_officer', { note: '已整改' }],
      [`/api/v1/matters/${world.a.matterId}/suspend`, 'catalog_admin', { reason: 'x' }],
      [`/api/v1/matters/${world.a.matterId}/revisions`, 'catalog_admin', { maxVisits: 0, effectiveFrom: '2019-10-01' }],
      [`/api/v1/matters`, 'catalog_admin', matterBody({ code: 'B-INTO-A', departmentId: DEPT_A })],
    ];
    for (const [path, role, body] of attempts)
      expectRefused(
        await request(t.http)
          .post(path)
          .set(auth(ofB(role)))
          .send(body),
        `POST ${path} as ${role} of B`,
      );
    expect(await eventCount(t)).toBe(before);
  });
});
