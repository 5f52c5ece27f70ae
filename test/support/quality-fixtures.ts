import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { CommandContext } from '@app/event-store';
import { handleCommand } from '@app/event-store';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { matterDecider, type MatterElements } from '@app/matters';
import type { TestApp } from './test-app';

/** Givens for the quality-issue and audit e2e suites: matters written straight through the matter decider. */
export const CLEAN_ELEMENTS: MatterElements = {
  name: '企业设立登记 business licence registration',
  departmentId: 'dept-a',
  regionCode: '330602',
  handlingType: 'promised',
  legalTimeLimit: { value: 20, unit: 'workday' },
  promisedTimeLimit: { value: 3, unit: 'workday' },
  maxVisits: 0,
  channels: { online: true, mobile: true },
  exemptions: {},
  materials: [{ name: '申请书', electronic: true }],
};

const catalogAdmin = (at: string): CommandContext => ({
  actor: { userId: 'catalog-admin', roles: ['catalog_admin'] },
  at,
  correlationId: randomUUID(),
  command: 'matter.test-fixture',
});

/** Registers (and by default publishes) a matter; answers its uuid (the API id). */
export async function createMatter(
  t: TestApp,
  overrides: Partial<MatterElements> = {},
  options: { publish?: boolean; at?: string } = {},
): Promise<string> {
  const store = t.app.get<EventStore>(EVENT_STORE);
  const matterId = randomUUID();
  const at = options.at ?? '2019-01-02T09:00:00+08:00';
  const elements = { ...CLEAN_ELEMENTS, ...overrides };
  const code = `SX-${matterId.slice(0, 8)}`;
  await handleCommand(
    store,
    matterDecider,
    `matter-${matterId}`,
    { type: 'matter.register', data: { matterId, code, elements, codeTaken: false, at } },
    catalogAdmin(at),
  );
  if (options.publish !== false)
    await handleCommand(
      store,
      matterDecider,
      `matter-${matterId}`,
      { type: 'matter.publish', data: { effectiveFrom: at.slice(0, 10), at } },
      catalogAdmin(at),
    );
  return matterId;
}

export const bearer = (t: TestApp, roles: string[], claims: { departmentId?: string; regionCode?: string; sub?: string } = {}) =>
  `Bearer ${t.token({ roles: roles as never, ...claims })}`;

/** Number of events in the store (to prove a refused command appended nothing). */
export async function eventCount(t: TestApp): Promise<number> {
  const [row] = await t.app.get<SqlClient>(SQL_CLIENT).query<{ n: string }>('SELECT count(*)::text AS n FROM es_events');
  return Number(row.n);
}

/** Highest global position in the store, for `?minPosition=`. */
export async function headPosition(t: TestApp): Promise<number> {
  const [row] = await t.app.get<SqlClient>(SQL_CLIENT).query<{ p: string | null }>('SELECT max(position)::text AS p FROM es_events');
  return Number(row.p ?? 0);
}

/** GET as `auth` after the read models have caught up with everything appended so far; expects `status`. */
export async function readCaughtUp(t: TestApp, path: string, auth: string, status = 200) {
  const separator = path.includes('?') ? '&' : '?';
  return request(t.http)
    .get(`${path}${separator}minPosition=${await headPosition(t)}`)
    .set('Authorization', auth)
    .expect(status);
}
