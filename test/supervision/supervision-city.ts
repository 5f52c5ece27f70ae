import request from 'supertest';
import { command, DEPT_A, DEPT_B, on, publishedMatter, staff, submitBody } from '../support/applications';
import type { TestApp } from '../support/test-app';
import type { ModelApplication } from './working-days-2019';

/** A step of an application's life after acceptance, at 10:00 on a date. */
type Step = { path: string; on: string; body?: object };

/** Submits (two days before), accepts and walks one application through the API as its department's window staff. */
export async function applicationThrough(
  t: TestApp,
  matterId: string,
  departmentId: string,
  acceptedOn: string,
  steps: Step[],
): Promise<string> {
  const clerk = staff(t, departmentId);
  const submittedOn = new Date(Date.parse(`${acceptedOn}T12:00:00Z`) - 2 * 86_400_000).toISOString().slice(0, 10);
  const { body } = await command(t, clerk, '', submitBody(matterId, { at: on(submittedOn) })).expect(201);
  await command(t, clerk, `/${body.id}/accept`, { at: on(acceptedOn) }).expect(200);
  for (const step of steps) await command(t, clerk, `/${body.id}/${step.path}`, { ...step.body, at: on(step.on, '10:00') }).expect(200);
  return body.id;
}

/**
 * The small city of the supervision suites, around National Day 2019 (off 1–7 Oct; Sunday 29 Sep
 * and Saturday 12 Oct are make-up working days), and what the test knows of each application.
 */
export async function buildCity(t: TestApp): Promise<ModelApplication[]> {
  const five = await publishedMatter(t, { departmentId: DEPT_A, promisedDays: 5 });
  const three = await publishedMatter(t, { departmentId: DEPT_B, promisedDays: 3 });
  const ten = await publishedMatter(t, { departmentId: DEPT_A, promisedDays: 10 });
  const app = (
    id: string,
    matterId: string,
    departmentId: string,
    acceptedOn: string,
    promised: number,
    rest: Partial<ModelApplication> = {},
  ) => ({
    id,
    matterId,
    departmentId,
    acceptedOn,
    promised,
    pauses: [],
    closedOn: null,
    ...rest,
  });
  // accepted Friday 27 Sep, promised 5: due Thursday 10 Oct, open
  const a1 = await applicationThrough(t, five, DEPT_A, '2019-09-27', []);
  // department B, accepted 26 Sep, promised 3: due Monday 30 Sep, open
  const a2 = await applicationThrough(t, three, DEPT_B, '2019-09-26', []);
  // accepted 25 Sep; a special procedure 27 Sep → 9 Oct moves the deadline by 4 working days
  const a3 = await applicationThrough(t, five, DEPT_A, '2019-09-25', [
    { path: 'special-procedures', on: '2019-09-27', body: { kind: '专家评审' } },
    { path: 'special-procedures/end', on: '2019-10-09' },
  ]);
  // accepted 24 Sep (due 30 Sep), completed late on 9 Oct
  const a4 = await applicationThrough(t, five, DEPT_A, '2019-09-24', [
    { path: 'complete', on: '2019-10-09', body: { outcome: 'approved', visits: 0 } },
  ]);
  // promised 10, accepted 8 Oct, suspended 10 Oct and never resumed: paused, no level
  const a5 = await applicationThrough(t, ten, DEPT_A, '2019-10-08', [
    { path: 'suspend', on: '2019-10-10', body: { reason: '等待外部核查' } },
  ]);
  return [
    app(a1, five, DEPT_A, '2019-09-27', 5),
    app(a2, three, DEPT_B, '2019-09-26', 3),
    app(a3, five, DEPT_A, '2019-09-25', 5, { pauses: [{ from: '2019-09-27', to: '2019-10-09' }] }),
    app(a4, five, DEPT_A, '2019-09-24', 5, { closedOn: '2019-10-09' }),
    app(a5, ten, DEPT_A, '2019-10-08', 10, { pauses: [{ from: '2019-10-10', to: null }] }),
  ];
}

/** GET as `token`, polling until the read models have caught up with `position` (?minPosition). */
export const get = (t: TestApp, token: string, path: string, query: Record<string, string | number> = {}) =>
  request(t.http).get(`/api/v1/supervision${path}`).query(query).set('Authorization', `Bearer ${token}`);

export const post = (t: TestApp, token: string, path: string, body: object) =>
  request(t.http).post(`/api/v1/supervision${path}`).set('Authorization', `Bearer ${token}`).send(body);
