import request from 'supertest';
import { CommandExecutor, EVENT_STORE, type EventStore } from '@app/event-store';
import { testBackends } from '@app/event-store/testing';
import { applications, applicationStreamId } from '@app/matters';
import { admin, command, DEPT_A, on, publishedMatter, sqlOf, staff, submitBody } from './support/applications';
import { startTestApp, type TestApp } from './support/test-app';
import { post } from './supervision/supervision-city';
import { datesFrom } from './supervision/working-days-2019';

/**
 * The sweep and 容缺受理: deferred materials due Thursday 10 Oct 2019 (5 working days after
 * acceptance on Friday 27 Sep, across the National Day week) and never brought — suspended by the
 * sweep of the next working day, 11 Oct, and returned (退件) by the sweep of 30 Oct, 15 working days
 * after the due date (Saturday 12 Oct is a make-up working day). The sweep's commands are dated at
 * the start of the swept date, or at the stream's last event when that is later on the date, and
 * are audited under the system actor.
 */
jest.setTimeout(120_000);

const MATERIAL = '申请书 application form';

describe.each(testBackends())('supervision: the sweep suspends and returns 容缺 applications on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { SWEEP_AT: 'off' });
  });
  afterAll(() => t.close());

  /** Submitted through the API; accepted with deferred materials on the command path (the accept route’s 容缺 fields come with another change). */
  async function acceptedWithDeferredMaterials(matterId: string): Promise<string> {
    const { body } = await command(t, staff(t), '', submitBody(matterId, { at: on('2019-09-25') })).expect(201);
    const at = on('2019-09-27');
    await t.app.get(CommandExecutor).execute(
      applications,
      body.id,
      { type: 'application.accept', data: { at, deferredMaterials: [MATERIAL] } },
      {
        actor: { userId: 'clerk-a', roles: ['window_staff'], departmentId: DEPT_A },
        at,
        command: 'application.accept',
        correlationId: 'test',
      },
    );
    return body.id;
  }

  const eventsOf = async (id: string) =>
    (await t.app.get<EventStore>(EVENT_STORE).readStream(applicationStreamId(id))).map((event) => ({
      type: event.type,
      at: (event.data as { at: string }).at,
      actor: event.metadata.actor,
    }));

  it('suspends on 11 Oct (at the day’s start, or after a later event of that day) and returns on 30 Oct', async () => {
    const matterId = await publishedMatter(t, { promisedDays: 20 });
    const quiet = await acceptedWithDeferredMaterials(matterId);
    const busy = await acceptedWithDeferredMaterials(matterId);
    // on the morning of 11 Oct the busy one starts a special procedure: the sweep may not date its suspension before that
    await command(t, staff(t), `/${busy}/special-procedures`, { kind: '检验', at: on('2019-10-11', '08:00') }).expect(200);

    const results = [];
    for (const date of datesFrom('2019-10-10', '2019-10-30')) results.push((await post(t, admin(t), '/sweeps', { date }).expect(200)).body);
    const acted = results.filter((result) => result.suspended + result.returned + result.cardsIssued > 0);
    expect(acted).toEqual([
      { date: '2019-10-11', cardsIssued: 0, suspended: 2, returned: 0, noticesSent: 1 }, // the one department's daily notice
      { date: '2019-10-30', cardsIssued: 0, suspended: 0, returned: 2, noticesSent: 0 }, // both returned: nothing left to tell
    ]);

    const system = 'system:supervision-sweep';
    expect((await eventsOf(quiet)).slice(2)).toEqual([
      { type: 'application.suspended', at: '2019-10-11T00:00:00+08:00', actor: system },
      { type: 'application.returned', at: '2019-10-30T00:00:00+08:00', actor: system },
    ]);
    expect((await eventsOf(busy)).slice(3)).toEqual([
      { type: 'application.suspended', at: '2019-10-11T08:00:00+08:00', actor: system },
      { type: 'application.returned', at: '2019-10-30T00:00:00+08:00', actor: system },
    ]);

    // audited like every command: the system actor and its role
    const [{ head }] = await sqlOf(t).query<{ head: string }>('SELECT max(position)::text AS head FROM es_events');
    const audit = await request(t.http)
      .get('/api/v1/audit-log')
      .query({ actor: system, pageSize: 50, minPosition: head })
      .set('Authorization', `Bearer ${admin(t)}`)
      .expect(200);
    const commands = audit.body.items.map((entry: { command: { name: string } }) => entry.command.name);
    expect(commands).toEqual(
      expect.arrayContaining(['application.return', 'application.suspend_for_deferred_materials', 'supervision.record_sweep']),
    );
    expect(audit.body.items.every((entry: { roles: string[] }) => entry.roles.includes('system'))).toBe(true);
  });
});
