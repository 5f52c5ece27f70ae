import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import type { Role } from '@app/http';
import { hostileBodies, type WireBody } from '../support/hostile-bodies';
import { encodeSegment, hostileHeader, hostileString, RAW_SEGMENTS } from '../support/hostile-values';
import { apiRoutes, isCommand, type ApiRoute } from '../support/openapi-routes';
import { eventCount } from '../support/quality-fixtures';
import { assertPrototypeClean, assertSafeResponse } from '../support/response-safety';
import {
  applicationBody,
  auth,
  buildWorld,
  matterBody,
  freshApplication,
  freshIssue,
  freshMatter,
  tokenFor,
  type World,
} from '../support/security-world';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(300_000);

/** Runs per route and backend; FUZZ_RUNS / FUZZ_SEED reproduce or deepen a run (the seed is printed on failure). */
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

/**
 * `card`: a red card id (none exists in the world: a valid body is answered 404 after validation);
 * `feedback-case`: a UUID naming no case (cases open only from a 差评, through the policy);
 * `subscription`: a UUID naming no subscription (and a random delivery id);
 * `bundle`: a UUID naming no bundle (the world has none: a valid body is answered 404 after validation);
 * `region` / `department`: a code or department id (fresh: a new one; shared: 330600 / dept-a)
 */
type Target = 'matter' | 'application' | 'issue' | 'card' | 'feedback-case' | 'subscription' | 'bundle' | 'region' | 'department' | 'none';
const AT = { at: '2019-09-27T10:00:00+08:00' };
const MATTER = matterBody({ code: 'FZ-001' });

/** Every command route with the role that may call it and a valid body to mutate. A route missing here fails the suite. */
const COMMANDS: Record<string, { role: Role; target: Target; body: (matterId: string) => Record<string, unknown> | null }> = {
  'POST /api/v1/matters': { role: 'catalog_admin', target: 'none', body: () => MATTER },
  'POST /api/v1/matters/{id}/publish': { role: 'catalog_admin', target: 'matter', body: () => ({ effectiveFrom: '2019-03-01', ...AT }) },
  'POST /api/v1/matters/{id}/revisions': {
    role: 'catalog_admin',
    target: 'matter',
    body: () => ({ maxVisits: 0, materials: MATTER.materials, effectiveFrom: '2019-10-01', ...AT }),
  },
  'POST /api/v1/matters/{id}/suspend': { role: 'catalog_admin', target: 'matter', body: () => ({ reason: '法规修订', ...AT }) },
  'POST /api/v1/matters/{id}/resume': { role: 'catalog_admin', target: 'matter', body: () => AT },
  'POST /api/v1/matters/{id}/retire': { role: 'catalog_admin', target: 'matter', body: () => ({ reason: '取消', ...AT }) },
  'POST /api/v1/applications': { role: 'window_staff', target: 'none', body: (matterId) => applicationBody(matterId) },
  'POST /api/v1/applications/{id}/accept': { role: 'window_staff', target: 'application', body: () => AT },
  'POST /api/v1/applications/{id}/reject': { role: 'window_staff', target: 'application', body: () => ({ reason: '不属于本机关', ...AT }) },
  'POST /api/v1/applications/{id}/supplement-requests': {
    role: 'window_staff',
    target: 'application',
    body: () => ({ items: ['营业执照复印件'], ...AT }),
  },
  'POST /api/v1/applications/{id}/supplements': { role: 'window_staff', target: 'application', body: () => AT },
  'POST /api/v1/applications/{id}/special-procedures': {
    role: 'window_staff',
    target: 'application',
    body: () => ({ kind: '听证', ...AT }),
  },
  'POST /api/v1/applications/{id}/special-procedures/end': { role: 'window_staff', target: 'application', body: () => AT },
  'POST /api/v1/applications/{id}/suspend': { role: 'window_staff', target: 'application', body: () => ({ reason: '挂起', ...AT }) },
  'POST /api/v1/applications/{id}/resume': { role: 'window_staff', target: 'application', body: () => AT },
  'POST /api/v1/applications/{id}/complete': {
    role: 'window_staff',
    target: 'application',
    body: () => ({ outcome: 'approved', visits: 0, ...AT }),
  },
  'POST /api/v1/applications/{id}/deliver': { role: 'window_staff', target: 'application', body: () => ({ method: 'post', ...AT }) },
  'POST /api/v1/applications/{id}/evaluation': {
    role: 'window_staff',
    target: 'application',
    body: () => ({ score: 5, comment: '好', ...AT }),
  },
  'POST /api/v1/applications/{id}/deferred-materials': { role: 'window_staff', target: 'application', body: () => AT },
  'POST /api/v1/applications/{id}/re-evaluation': {
    role: 'window_staff',
    target: 'application',
    body: () => ({ score: 4, comment: '整改后满意', ...AT }),
  },
  'POST /api/v1/feedback-cases/{id}/contact': {
    role: 'department_officer',
    target: 'feedback-case',
    body: () => ({ note: '电话回访', ...AT }),
  },
  'POST /api/v1/feedback-cases/{id}/rectification': {
    role: 'window_staff',
    target: 'feedback-case',
    body: () => ({ note: '已整改并答复', ...AT }),
  },
  'DELETE /api/v1/applications/{id}/applicant': { role: 'admin', target: 'application', body: () => null },
  'POST /api/v1/quality-issues': {
    role: 'inspector',
    target: 'none',
    body: (matterId) => ({ matterId, category: 'other', description: '缺少联系方式', deadline: '2019-10-30', ...AT }),
  },
  'POST /api/v1/quality-issues/{id}/assign': { role: 'inspector', target: 'issue', body: () => AT },
  'POST /api/v1/quality-issues/{id}/rectifications': {
    role: 'department_officer',
    target: 'issue',
    body: () => ({ note: '已补充', ...AT }),
  },
  'POST /api/v1/quality-issues/{id}/verification': {
    role: 'inspector',
    target: 'issue',
    body: () => ({ passed: false, comment: '仍缺', ...AT }),
  },
  'POST /api/v1/quality-issues/{id}/reopen': {
    role: 'inspector',
    target: 'issue',
    body: () => ({ reason: '再次出现', deadline: '2019-11-30', ...AT }),
  },
  'POST /api/v1/quality-checks': { role: 'inspector', target: 'none', body: (matterId) => ({ matterId, ...AT }) },
  'POST /api/v1/supervision/cards/{id}/explanation': {
    role: 'department_officer',
    target: 'card',
    body: () => ({ text: '专家评审延误', ...AT }),
  },
  'POST /api/v1/supervision/cards/{id}/review': {
    role: 'inspector',
    target: 'card',
    body: () => ({ accepted: false, comment: '不充分', ...AT }),
  },
  'PUT /api/v1/regions/{code}': { role: 'admin', target: 'region', body: () => ({ name: '市本级', ...AT }) },
  'PUT /api/v1/departments/{id}': {
    role: 'admin',
    target: 'department',
    body: () => ({ name: '市场监督管理局', shortName: '市场监管局', regionCode: '330600', ...AT }),
  },
  'POST /api/v1/supervision/sweeps': { role: 'admin', target: 'none', body: () => ({ date: '2019-09-27' }) },
  // port 9 (discard) refuses: what the fuzz subscribes is never delivered anywhere
  'POST /api/v1/subscriptions': {
    role: 'admin',
    target: 'none',
    body: () => ({ url: 'http://127.0.0.1:9/hooks', types: ['application.*'], departmentId: 'dept-a' }),
  },
  'DELETE /api/v1/subscriptions/{id}': { role: 'admin', target: 'subscription', body: () => null },
  'POST /api/v1/subscriptions/{id}/deliveries/{deliveryId}/retry': { role: 'admin', target: 'subscription', body: () => AT },
  'POST /api/v1/bundles': {
    role: 'catalog_admin',
    target: 'none',
    body: (matterId) => ({ code: 'FZ-B-001', name: '开办企业一件事', matterIds: [matterId, randomUUID()], ...AT }),
  },
  'POST /api/v1/bundles/{id}/revisions': {
    role: 'catalog_admin',
    target: 'bundle',
    body: (matterId) => ({ matterIds: [matterId], ...AT }),
  },
  // the world's window staff carry department A: the comprehensive window is a token without one (admin here)
  'POST /api/v1/bundle-applications': {
    role: 'admin',
    target: 'none',
    body: () => ({ bundleId: randomUUID(), channel: 'window', applicant: applicationBody('').applicant, ...AT }),
  },
};

/** Which record the `{id}` names: a fresh one, the shared one (whose state drifts), or a hostile string. */
const idChoice = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: 'fresh' as const, value: '' }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'shared' as const, value: '' }) },
  { weight: 1, arbitrary: fc.uuid().map((value) => ({ kind: 'value' as const, value })) },
  // Node answers a request line past 16 KB itself (431, before the app): ids stay under that
  { weight: 2, arbitrary: hostileString.filter((value) => value.length <= 2_000).map((value) => ({ kind: 'value' as const, value })) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((value) => ({ kind: 'raw' as const, value })) },
);

const headers = fc.record(
  { 'Idempotency-Key': hostileHeader, 'If-Match': hostileHeader, 'X-Correlation-Id': hostileHeader },
  { requiredKeys: [] },
);
const query = fc.option(fc.constantFrom('?status=closed', '?__proto__[polluted]=1', '?minPosition=abc', '?id=1&id=2', '?%00=%ED%A0%80'), {
  nil: '',
});

describe.each(testBackends())('hostile input: fuzzing every command route on %s', (backend) => {
  let t: TestApp;
  let world: World;
  let routes: ApiRoute[];

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
    world = await buildWorld(t);
    // the region the department bodies name, so that valid ones are accepted
    await request(t.http)
      .put('/api/v1/regions/330600')
      .set(auth(tokenFor(t, 'admin')))
      .send({ name: '市本级' })
      .expect(200);
    routes = (await apiRoutes(t)).filter(isCommand);
  });
  afterAll(() => t.close());

  it('has a fuzz entry for every POST, PUT and DELETE route of /docs-json', () => {
    expect(routes.length).toBeGreaterThan(20);
    expect(routes.map((route) => route.key).filter((key) => !(key in COMMANDS))).toEqual([]);
  });

  async function idFor(target: Target, choice: { kind: 'fresh' | 'shared' | 'value' | 'raw'; value: string }): Promise<string> {
    if (choice.kind === 'raw') return choice.value;
    if ((target === 'card' || target === 'subscription') && choice.kind !== 'value') return randomUUID();
    if (choice.kind === 'value') return encodeSegment(choice.value);
    if (target === 'feedback-case' || target === 'bundle') return randomUUID();
    if (target === 'region') return choice.kind === 'shared' ? '330600' : String(100_000 + Math.floor(Math.random() * 900_000));
    if (target === 'department') return choice.kind === 'shared' ? 'dept-a' : `dept-fz-${randomUUID().slice(0, 8)}`;
    if (choice.kind === 'shared')
      return {
        matter: world.a.matterId,
        application: world.a.applicationId,
        issue: world.a.issueId,
        card: '',
        subscription: '',
        bundle: '',
        none: '',
      }[target];
    if (target === 'matter') return freshMatter(t);
    if (target === 'application') return freshApplication(t, world.a.matterId);
    return target === 'issue' ? freshIssue(t, world.a.matterId) : '';
  }

  function send(route: ApiRoute, url: string, token: string, body: WireBody | null, extra: Record<string, string>) {
    const call =
      route.method === 'DELETE'
        ? request(t.http).delete(url)
        : route.method === 'PUT'
          ? request(t.http).put(url)
          : request(t.http).post(url);
    call.set({ ...auth(token), ...extra });
    return body ? call.set('Content-Type', body.contentType).send(body.text) : call;
  }

  it.each(Object.keys(COMMANDS))('%s: never a 5xx or a leak, problem+json on 4xx, nothing appended on 4xx', async (key) => {
    const route = routes.find((candidate) => candidate.key === key);
    if (!route) throw new Error(`${key} is in the fuzz table but not in /docs-json`);
    const spec = COMMANDS[key];
    const base = spec.body(world.a.matterId);
    const bodies = base ? hostileBodies(base) : fc.constant(null);
    const property = fc.asyncProperty(idChoice, bodies, headers, query, fc.boolean(), async (choice, body, extra, search, asAdmin) => {
      const id = await idFor(spec.target, choice);
      const url = route.path.replace('{id}', id).replace('{code}', id).replace('{deliveryId}', randomUUID()) + search;
      const token = tokenFor(t, asAdmin ? 'admin' : spec.role);
      const before = await eventCount(t);
      const response = await send(route, url, token, body, extra);
      const what = `${route.method} ${url.slice(0, 200)} [${body?.kind ?? 'no body'}]`;
      assertSafeResponse(response, what);
      if (response.status >= 400 && (await eventCount(t)) !== before) throw new Error(`${what} → ${response.status} appended events`);
      const realTarget = spec.target === 'none' || choice.kind === 'fresh' || choice.kind === 'shared';
      if (body?.extraKey !== undefined && realTarget && ![400, 413].includes(response.status))
        throw new Error(`${what}: the unknown field ${JSON.stringify(body.extraKey)} was not refused (${response.status})`);
      assertPrototypeClean();
    });
    await fc.assert(property, { numRuns: NUM_RUNS, endOnFailure: true, ...(SEED !== undefined && { seed: SEED }) });
  });
});
