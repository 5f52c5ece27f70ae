import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import type { TestApp } from './support/test-app';

/** Shared givens of the matters e2e specs (test-only). */

export const MARKET = 'dept-market';
export const TAX = 'dept-tax';

let sequence = 0;
/** A code no other test uses. */
export const uniqueCode = (prefix = 'SX') => `${prefix}-${Date.now().toString(36)}-${++sequence}`;

export const registerBody = (overrides: Record<string, unknown> = {}) => ({
  code: uniqueCode(),
  name: '企业设立登记 business licence registration',
  departmentId: MARKET,
  regionCode: '330602',
  handlingType: 'promised',
  legalTimeLimit: { value: 20, unit: 'workday' },
  promisedTimeLimit: { value: 3, unit: 'workday' },
  maxVisits: 0,
  channels: { online: true, mobile: false },
  exemptions: { mobile: { reason: '需现场核验原件 originals checked on site' } },
  materials: [
    { name: '申请书 application form', electronic: true },
    { name: '营业执照 business licence', electronic: false },
  ],
  at: '2019-03-01T09:00:00+08:00',
  ...overrides,
});

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

export async function countEvents(t: TestApp): Promise<number> {
  const [row] = await t.app.get<symbol, SqlClient>(SQL_CLIENT).query<{ n: number }>('SELECT count(*)::int AS n FROM es_events');
  return row.n;
}

/** Runs `send` and checks that the event store holds exactly as many events afterwards. */
export async function expectNothingAppended(t: TestApp, send: () => Promise<Response>): Promise<Response> {
  const before = await countEvents(t);
  const response = await send();
  expect(await countEvents(t)).toBe(before);
  return response;
}

/** An RFC 9457 body with this status (and these extension members). */
export function expectProblem(response: Response, status: number, extra: Record<string, unknown> = {}): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), title: expect.any(String), ...extra });
  expect(typeof response.body.detail).toBe('string');
}

/** The fields named in a 400's `errors`. */
export const errorFields = (response: Response): string[] => (response.body.errors ?? []).map((e: { field: string }) => e.field);

export const unknownMatterId = () => randomUUID();
