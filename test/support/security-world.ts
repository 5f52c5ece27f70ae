import request from 'supertest';
import type { Role } from '@app/http';
import { createMatter } from './quality-fixtures';
import type { TestApp } from './test-app';

/** Two departments' worth of records for the security suites: a matter, an application and a quality issue each. */
export const DEPT_A = 'dept-a';
export const DEPT_B = 'dept-b';
export const ID_NUMBER = '330602199001011234';
export const SUBMITTED_AT = '2019-09-24T09:00:00+08:00';

export interface DepartmentRecords {
  matterId: string;
  applicationId: string;
  issueId: string;
}

export interface World {
  a: DepartmentRecords;
  b: DepartmentRecords;
}

/** A caller of `role`; the department-bound roles belong to `departmentId` (default A). */
export function tokenFor(t: TestApp, role: Role, departmentId = DEPT_A): string {
  const bound = role === 'window_staff' || role === 'department_officer';
  return t.token({ roles: [role], sub: `${role}-${bound ? departmentId : 'city'}`, ...(bound ? { departmentId } : {}) });
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export function applicationBody(matterId: string, idNumber = ID_NUMBER, applicantExtra: Record<string, unknown> = {}) {
  return { matterId, channel: 'online', applicant: { kind: 'person', name: '张三丰', idNumber, ...applicantExtra }, at: SUBMITTED_AT };
}

/** A valid `POST /api/v1/matters` body (department A unless overridden). */
export function matterBody(overrides: Record<string, unknown> = {}) {
  return {
    code: 'SEC-001',
    name: '企业设立登记',
    departmentId: DEPT_A,
    regionCode: '330602',
    handlingType: 'promised',
    legalTimeLimit: { value: 20, unit: 'workday' },
    promisedTimeLimit: { value: 5, unit: 'workday' },
    maxVisits: 1,
    channels: { online: true, mobile: false },
    exemptions: { mobile: { reason: '涉密' } },
    materials: [{ name: '申请书', electronic: true }],
    crossCity: ['hangzhou'],
    at: '2019-09-27T10:00:00+08:00',
    ...overrides,
  };
}

/** A published matter of `departmentId` (written through the matter decider). */
export const freshMatter = (t: TestApp, departmentId = DEPT_A) => createMatter(t, { departmentId, regionCode: '330602' });

/** A submitted application for `matterId`, through the API as that department's window staff. */
export async function freshApplication(t: TestApp, matterId: string, departmentId = DEPT_A): Promise<string> {
  const response = await request(t.http)
    .post('/api/v1/applications')
    .set(auth(tokenFor(t, 'window_staff', departmentId)))
    .send(applicationBody(matterId));
  if (response.status !== 201) throw new Error(`submit: ${response.status} ${response.text}`);
  return response.body.id;
}

/** A found quality issue on `matterId`, through the API as an inspector. */
export async function freshIssue(t: TestApp, matterId: string): Promise<string> {
  const response = await request(t.http)
    .post('/api/v1/quality-issues')
    .set(auth(tokenFor(t, 'inspector')))
    .send({ matterId, category: 'other', description: '联系方式缺失', at: SUBMITTED_AT });
  if (response.status !== 201) throw new Error(`log issue: ${response.status} ${response.text}`);
  return response.body.id;
}

async function recordsOf(t: TestApp, departmentId: string): Promise<DepartmentRecords> {
  const matterId = await freshMatter(t, departmentId);
  return { matterId, applicationId: await freshApplication(t, matterId, departmentId), issueId: await freshIssue(t, matterId) };
}

/**
 * Polls (as admin) until every record of the world is in the read models. Polling rather than
 * `?minPosition=`, which waits for every projection of the app, related or not.
 */
export async function untilProjected(t: TestApp, world: World, timeoutMs = 10_000): Promise<void> {
  const paths = [world.a, world.b].flatMap((r) => [
    `/api/v1/matters/${r.matterId}`,
    `/api/v1/applications/${r.applicationId}`,
    `/api/v1/quality-issues/${r.issueId}`,
  ]);
  const deadline = Date.now() + timeoutMs;
  for (const path of paths) {
    for (;;) {
      const response = await request(t.http)
        .get(path)
        .set(auth(tokenFor(t, 'admin')));
      if (response.status === 200) break;
      if (Date.now() > deadline) throw new Error(`${path} is not in the read models: ${response.status} ${response.text}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

export async function buildWorld(t: TestApp): Promise<World> {
  return { a: await recordsOf(t, DEPT_A), b: await recordsOf(t, DEPT_B) };
}
