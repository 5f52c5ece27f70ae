import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import type { Role } from '@app/http';
import { eventCount } from '../support/quality-fixtures';
import { assertPrototypeClean, assertSafeResponse } from '../support/response-safety';
import { applicationBody, auth, buildWorld, matterBody, tokenFor, type World } from '../support/security-world';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

/** Raw JSON text, so `__proto__` and `constructor` travel as own keys (an object literal would set the prototype instead). */
const withRaw = (body: object, raw: string) => `${JSON.stringify(body).slice(0, -1)},${raw}}`;

/**
 * Mass assignment (OWASP API3 — broken object property level authorization) and input no DTO
 * sees: every field not in the DTO is refused with 400 naming it, and nothing is appended.
 */
describe.each(testBackends())('mass assignment and unstorable input on %s', (backend) => {
  let t: TestApp;
  let world: World;

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
    world = await buildWorld(t);
  });
  afterAll(() => t.close());

  const post = (path: string, role: Role, text: string) =>
    request(t.http)
      .post(path)
      .set(auth(tokenFor(t, role)))
      .set('Content-Type', 'application/json')
      .send(text);

  async function expectRefused(path: string, role: Role, text: string, field: string) {
    const before = await eventCount(t);
    const response = await post(path, role, text);
    const what = `POST ${path} ${text.slice(0, 120)}`;
    expect([what, response.status]).toEqual([what, 400]);
    assertSafeResponse(response, what);
    expect(response.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await eventCount(t)).toBe(before);
    assertPrototypeClean();
  }

  it('refuses fields outside the DTO: status, version, id, position, actor, departmentId where not allowed', async () => {
    const app = `/api/v1/applications/${world.a.applicationId}`;
    const cases: [string, Role, object, string][] = [
      ['/api/v1/matters', 'catalog_admin', matterBody({ code: 'MA-1', status: 'published' }), 'status'],
      ['/api/v1/matters', 'catalog_admin', matterBody({ code: 'MA-2', version: 7 }), 'version'],
      ['/api/v1/matters', 'catalog_admin', matterBody({ code: 'MA-3', id: world.a.matterId }), 'id'],
      ['/api/v1/applications', 'window_staff', { ...applicationBody(world.a.matterId), status: 'completed' }, 'status'],
      ['/api/v1/applications', 'window_staff', { ...applicationBody(world.a.matterId), departmentId: 'dept-b' }, 'departmentId'],
      ['/api/v1/applications', 'window_staff', { ...applicationBody(world.a.matterId), actor: { roles: ['admin'] } }, 'actor'],
      [
        '/api/v1/applications',
        'window_staff',
        applicationBody(world.a.matterId, undefined, { idNumberMasked: '3306**********1234' }),
        'applicant.idNumberMasked',
      ],
      [`${app}/accept`, 'window_staff', { deadline: '2030-01-01' }, 'deadline'],
      [`${app}/complete`, 'window_staff', { outcome: 'approved', visits: 0, overdue: false }, 'overdue'],
      [
        '/api/v1/quality-issues',
        'inspector',
        { matterId: world.a.matterId, category: 'other', description: 'x', departmentId: 'dept-b' },
        'departmentId',
      ],
      [
        '/api/v1/quality-issues',
        'inspector',
        { matterId: world.a.matterId, category: 'other', description: 'x', status: 'closed' },
        'status',
      ],
      [`/api/v1/quality-issues/${world.a.issueId}/assign`, 'inspector', { position: 1 }, 'position'],
      [`/api/v1/matters/${world.a.matterId}/suspend`, 'catalog_admin', { reason: 'x', version: 1 }, 'version'],
    ];
    for (const [path, role, body, field] of cases) await expectRefused(path, role, JSON.stringify(body), field);
  });

  it('refuses __proto__, constructor and prototype keys, top-level and nested, and leaves Object.prototype clean', async () => {
    const submit = applicationBody(world.a.matterId);
    await expectRefused('/api/v1/applications', 'window_staff', withRaw(submit, '"__proto__":{"isAdmin":true}'), '__proto__');
    await expectRefused(
      '/api/v1/applications',
      'window_staff',
      withRaw(submit, '"constructor":{"prototype":{"isAdmin":true}}'),
      'constructor',
    );
    const nested = JSON.stringify(submit).replace('"kind":"person"', '"kind":"person","__proto__":{"roles":["admin"]}');
    await expectRefused('/api/v1/applications', 'window_staff', nested, 'applicant.__proto__');
    await expectRefused(`/api/v1/quality-issues/${world.a.issueId}/assign`, 'inspector', '{"prototype":{"x":1}}', 'prototype');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('refuses every name Object.prototype carries (valueOf, toString, …), which class-transformer drops unseen', async () => {
    const supplement = `/api/v1/applications/${world.a.applicationId}/supplement-requests`;
    const items = { items: ['营业执照复印件'] };
    for (const key of Object.getOwnPropertyNames(Object.prototype)) {
      await expectRefused(supplement, 'window_staff', withRaw(items, `${JSON.stringify(key)}:{}`), key);
      const nested = JSON.stringify(applicationBody(world.a.matterId)).replace(
        '"kind":"person"',
        `"kind":"person",${JSON.stringify(key)}:1`,
      );
      await expectRefused('/api/v1/applications', 'window_staff', nested, `applicant.${key}`);
    }
  });

  it('refuses NUL and unpaired surrogates (which PostgreSQL cannot store) in bodies and ids with 400, not 500', async () => {
    await expectRefused(
      '/api/v1/applications',
      'window_staff',
      JSON.stringify(applicationBody(world.a.matterId, '3306\u000002199001011234')),
      'applicant.idNumber',
    );
    await expectRefused(
      `/api/v1/matters/${world.a.matterId}/suspend`,
      'catalog_admin',
      JSON.stringify({ reason: 'bad \uD800 half' }),
      'reason',
    );
    await expectRefused('/api/v1/matters', 'catalog_admin', JSON.stringify(matterBody({ code: 'NUL\u0000CODE' })), 'code');
    await expectRefused(`/api/v1/applications/%00/accept`, 'window_staff', '{}', 'id');
    const before = await eventCount(t);
    const erase = await request(t.http)
      .delete('/api/v1/applications/a%00b/applicant')
      .set(auth(tokenFor(t, 'admin')));
    expect(erase.status).toBe(400);
    expect(await eventCount(t)).toBe(before);
  });
});
