import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { eventsFor, type Checkpoint, type RecordedEvent } from '@app/event-store';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import { businessCalendar, type Message } from '@app/kernel';
import { applicationDecider, type ApplicationEvent } from '@app/matters';
import { redCardIdOf, toSupervisionSnapshot } from '../domain';
import { SupervisionReadModels1764610000000 } from '../shared/supervision.migration';
import { SUPERVISION_APPLICATIONS_TABLE } from '../shared/supervision-tables';
import {
  SUPERVISION_APPLICATION_COLUMNS,
  supervisionApplicationsProjection,
  toSnapshot,
  type SupervisionApplicationRow,
} from './supervision-applications.projection';

const on = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;
const applicationId = 'app-1';
const matter = {
  code: 'SX-001',
  version: 1,
  handlingType: 'promised' as const,
  promisedWorkdays: 5,
  departmentId: 'dept-market',
  regionCode: '330602',
};

/** One 容缺 application: accepted 27 Sep 2019, a special procedure, suspended by the sweep, materials brought, completed. */
const history: ApplicationEvent[] = [
  {
    type: 'application.submitted',
    data: {
      applicationId,
      matterId: 'm-1',
      matter,
      channel: 'online',
      applicant: { kind: 'person', keyId: 'k', sealed: 'AbCd==', idNumberMasked: '3306**********1234', nameMasked: '张*' },
      at: on('2019-09-26'),
    },
  },
  {
    type: 'application.accepted',
    data: { applicationId, channel: 'online', deferredMaterials: { items: ['申请书'], dueOn: '2019-10-10' }, at: on('2019-09-27') },
  },
  { type: 'application.special_procedure_started', data: { applicationId, kind: '检验', at: on('2019-09-30') } },
  { type: 'application.special_procedure_ended', data: { applicationId, kind: '检验', at: on('2019-10-08') } },
  { type: 'application.suspended', data: { applicationId, reason: 'deferred_materials_overdue', at: '2019-10-11T00:00:00+08:00' } },
  { type: 'application.deferred_materials_received', data: { applicationId, items: ['申请书'], at: on('2019-10-14') } },
  { type: 'application.resumed', data: { applicationId, at: on('2019-10-14') } },
  { type: 'application.completed', data: { applicationId, outcome: 'approved', visits: 0, at: on('2019-10-18') } },
];

function recorded(streamId: string, events: Message[], firstPosition: number, firstVersion = 1): RecordedEvent[] {
  return events.map((event, index) => ({
    id: randomUUID(),
    streamId,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: { actor: 'clerk', correlationId: 'c', at: (event.data as { at: string }).at },
    version: firstVersion + index,
    position: firstPosition + index,
    checkpoint: `0:${firstPosition + index}` as Checkpoint,
    recordedAt: new Date().toISOString(),
  }));
}

describe.each(testBackends())('supervision applications projection on %s', (backend) => {
  let db: TestSql;
  const projection = supervisionApplicationsProjection();
  const rows = () =>
    db.sql.query<SupervisionApplicationRow>(`SELECT ${SUPERVISION_APPLICATION_COLUMNS} FROM ${SUPERVISION_APPLICATIONS_TABLE}`);

  beforeAll(async () => {
    db = await openTestSql(backend, 'supervision_applications');
    await new SupervisionReadModels1764610000000().up({ query: (text: string) => db.sql.query(text) } as unknown as QueryRunner);
  });
  afterAll(() => db.dispose());

  it('holds exactly the snapshot the domain derives from the application’s state, idempotently on replay', async () => {
    const events = recorded(`application-${applicationId}`, history, 1);
    const card = recorded(
      `red-card-${redCardIdOf(applicationId)}`,
      [
        {
          type: 'red-card.issued',
          data: {
            cardId: redCardIdOf(applicationId),
            applicationId,
            departmentId: 'dept-market',
            regionCode: '330602',
            level: 'red',
            issuedOn: '2019-10-17',
            deadline: '2019-10-16',
            at: '2019-10-17T00:00:00+08:00',
          },
        },
      ],
      events.length + 1,
    );
    const all = [...events.slice(0, 5), ...card, ...events.slice(5)];
    // in two batches, the card's event in the first (the application's row exists by then), then every batch again
    for (const batch of [all.slice(0, 6), all.slice(6), all.slice(0, 6), all.slice(6)])
      await db.sql.transaction((tx) => projection.apply(eventsFor(projection, batch), tx));

    const [row] = await rows();
    const state = history.reduce(applicationDecider.evolve, applicationDecider.initialState());
    expect(toSnapshot(row)).toEqual(toSupervisionSnapshot(state, true, businessCalendar()));
    expect(row).toMatchObject({ last_at: on('2019-10-18'), version: history.length, matter_id: 'm-1' });
  });
});
