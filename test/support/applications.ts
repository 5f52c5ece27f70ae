import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { CommandContext } from '@app/event-store';
import { handleCommand } from '@app/event-store';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { matterDecider, type MatterElements } from '@app/matters';
import { matterStreamId } from '@app/matters';
import type { TestApp } from './test-app';

/** Helpers for the applications e2e suites: matters written straight to the store, tokens, counts. */

export const on = (date: string, time = '09:00') => `${date}T${time}:00+08:00`;

export const DEPT_A = 'dept-market';
export const DEPT_B = 'dept-health';

export const ID_NUMBER = '330602199001011234';
export const NAME = '张三丰';

export interface MatterOptions {
  departmentId?: string;
  promisedDays?: number;
  /** null: registered but never published (a draft) */
  effectiveFrom?: string | null;
}

/** A matter registered and published on 2 January 2019 (effective from `effectiveFrom`), through the matter decider. */
export async function publishedMatter(t: TestApp, options: MatterOptions = {}): Promise<string> {
  const { departmentId = DEPT_A, promisedDays = 5, effectiveFrom = '2019-01-01' } = options;
  const store = t.app.get<EventStore>(EVENT_STORE);
  const matterId = randomUUID();
  const at = on('2019-01-02');
  const context = (command: string): CommandContext => ({
    actor: { userId: 'catalog-admin', roles: ['catalog_admin'] },
    at,
    correlationId: `test-${command}`,
    command,
  });
  const elements: MatterElements = {
    name: '企业设立登记 business licence registration',
    departmentId,
    regionCode: '330602',
    handlingType: promisedDays === 0 ? 'instant' : 'promised',
    legalTimeLimit: { value: 20, unit: 'workday' },
    promisedTimeLimit: { value: promisedDays, unit: 'workday' },
    maxVisits: 1,
    channels: { online: true, mobile: true },
    exemptions: {},
    materials: [{ name: '申请书 application form', electronic: true }],
  };
  const stream = matterStreamId(matterId);
  const code = `SX-${matterId.slice(0, 8)}`;
  await handleCommand(
    store,
    matterDecider,
    stream,
    { type: 'matter.register', data: { matterId, code, elements, codeTaken: false, at } },
    context('matter.register'),
  );
  if (effectiveFrom !== null)
    await handleCommand(store, matterDecider, stream, { type: 'matter.publish', data: { effectiveFrom, at } }, context('matter.publish'));
  return matterId;
}

export const staff = (t: TestApp, departmentId = DEPT_A) =>
  t.token({ roles: ['window_staff'], departmentId, sub: `clerk-${departmentId}` });

export const admin = (t: TestApp) => t.token({ roles: ['admin'], sub: 'admin-1' });

export const sqlOf = (t: TestApp) => t.app.get<SqlClient>(SQL_CLIENT);

/** Every event in the store: a refused command must leave this unchanged. */
export async function eventCount(t: TestApp): Promise<number> {
  const [row] = await sqlOf(t).query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
  return row.n;
}

export function submitBody(matterId: string, overrides: Record<string, unknown> = {}) {
  return {
    matterId,
    channel: 'online',
    applicant: { kind: 'person', name: NAME, idNumber: ID_NUMBER },
    at: on('2019-09-24'),
    ...overrides,
  };
}

/** POST a command as `token`. */
export const command = (t: TestApp, token: string, path: string, body: object = {}, headers: Record<string, string> = {}) =>
  request(t.http)
    .post(`/api/v1/applications${path}`)
    .set({ Authorization: `Bearer ${token}`, ...headers })
    .send(body);

/**
 * GET an application once the applications read model shows stream `version` (polling, up to 5 s).
 * Polling instead of `?minPosition=`, which waits for every projection of the app: these suites
 * should not fail because another context's read model lags or fails.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readApplication(t: TestApp, token: string, id: string, version: number, asOf?: string): Promise<any> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const response = await request(t.http)
      .get(`/api/v1/applications/${id}`)
      .query(asOf ? { asOf } : {})
      .set('Authorization', `Bearer ${token}`);
    if (response.status === 200 && response.body.version >= version) return response.body;
    if ((response.status !== 200 && response.status !== 404) || Date.now() > deadline)
      throw new Error(`GET application ${id}: ${response.status} ${JSON.stringify(response.body)} (waiting for version ${version})`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Submits an application for `matterId` as window staff of department A; returns its id and position. */
export async function submitted(t: TestApp, matterId: string, at = on('2019-09-24')): Promise<{ id: string; position: number }> {
  const response = await command(t, staff(t), '', submitBody(matterId, { at })).expect(201);
  return response.body;
}
