import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { eventsFor, type Checkpoint, type RecordedEvent } from '@app/event-store';
import { openTestSql, testBackends, TestSql } from '@app/event-store/testing';
import type { ApplicationEvent } from '../../domain';
import {
  accepted,
  completed,
  resumed,
  specialEnded,
  specialStarted,
  submitted,
  suspended,
} from '../../domain/application/application.test-fixtures';
import { ApplicationsDeferredAndFeedback1764900000001 } from './applications-feedback.migration';
import { ApplicationsReadModel1764300000001 } from './applications.migration';
import { APPLICATIONS_TABLE, ApplicationsProjection } from './applications.projection';

/** Recorded events of one application stream, versions 1…n, at global positions from `firstPosition`. */
function recorded(applicationId: string, events: ApplicationEvent[], firstPosition: number): RecordedEvent[] {
  return events.map((event, index) => ({
    id: randomUUID(),
    streamId: `application-${applicationId}`,
    type: event.type,
    schemaVersion: 1,
    data: { ...event.data, applicationId },
    metadata: { actor: 'clerk', correlationId: 'c', at: event.data.at },
    version: index + 1,
    position: firstPosition + index,
    checkpoint: `0:${firstPosition + index}` as Checkpoint,
    recordedAt: new Date().toISOString(),
  }));
}

describe.each(testBackends())('applications projection on %s', (backend) => {
  let db: TestSql;
  const projection = new ApplicationsProjection();
  const rows = () =>
    db.sql.query<Record<string, unknown>>(
      `SELECT application_id, version, status, accepted_on::text, deadline::text, completed_on::text, open_pauses, completed_late
       FROM ${APPLICATIONS_TABLE} ORDER BY application_id`,
    );

  beforeAll(async () => {
    db = await openTestSql(backend, 'applications_projection');
    const runner = { query: (text: string) => db.sql.query(text) } as unknown as QueryRunner;
    await new ApplicationsReadModel1764300000001().up(runner);
    await new ApplicationsDeferredAndFeedback1764900000001().up(runner);
  });
  afterAll(() => db.dispose());

  it('folds each stream into one row with the deadline of its closed pauses, idempotently on replay and rebuild', async () => {
    const late = recorded('a-late', [submitted, accepted, completed('2019-10-11')], 1);
    const paused = recorded(
      'b-paused',
      [submitted, accepted, specialStarted('2019-09-30'), specialEnded('2019-10-09'), suspended('2019-10-10')],
      4,
    );
    const resumedLater = [...paused, ...recorded('b-paused', [resumed('2019-10-14')], 9).map((event) => ({ ...event, version: 6 }))];
    const expected = [
      {
        application_id: 'a-late',
        version: 3,
        status: 'completed',
        accepted_on: '2019-09-27',
        deadline: '2019-10-10',
        completed_on: '2019-10-11',
        open_pauses: 0,
        completed_late: true,
      },
      {
        application_id: 'b-paused',
        version: 6,
        status: 'accepted',
        accepted_on: '2019-09-27',
        deadline: '2019-10-16',
        completed_on: null,
        open_pauses: 0,
        completed_late: false,
      },
    ];

    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, [...late, ...paused.slice(0, 3)]), tx));
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, paused.slice(3)), tx));
    expect((await rows())[1]).toMatchObject({ status: 'suspended', deadline: '2019-10-12', open_pauses: 1 });
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, resumedLater.slice(5)), tx));
    expect(await rows()).toEqual(expected);

    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, [...late, ...resumedLater]), tx)); // a replay changes nothing
    expect(await rows()).toEqual(expected);

    await db.sql.transaction(async (tx) => {
      await projection.reset(tx);
      await projection.apply(eventsFor(projection, [...late, ...resumedLater]), tx);
    });
    expect(await rows()).toEqual(expected);
  });

  it('keeps the due date of outstanding deferred materials, and the case a 差评 opened (supervision’s feedback-case.opened)', async () => {
    const deferredAccepted = {
      type: 'application.accepted' as const,
      data: { ...accepted.data, deferredMaterials: { items: ['申请书'], dueOn: '2019-10-09' } },
    };
    const events = recorded('c-deferred', [submitted, deferredAccepted], 20);
    const opened: RecordedEvent = {
      ...events[0],
      id: randomUUID(),
      streamId: 'feedback-case-case-1',
      type: 'feedback-case.opened',
      data: { caseId: 'case-1', applicationId: 'c-deferred' },
      version: 1,
      position: 30,
    };
    const row = async () =>
      (
        await db.sql.query<{ deferred_due_on: string | null; feedback_case_id: string | null }>(
          `SELECT deferred_due_on::text, feedback_case_id FROM ${APPLICATIONS_TABLE} WHERE application_id = 'c-deferred'`,
        )
      )[0];
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, events), tx));
    expect(await row()).toEqual({ deferred_due_on: '2019-10-09', feedback_case_id: null });
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, [opened]), tx));
    expect(await row()).toEqual({ deferred_due_on: '2019-10-09', feedback_case_id: 'case-1' });
    // a later event of the application keeps the case; a rebuild finds it again
    await db.sql.transaction(async (tx) => {
      await projection.reset(tx);
      await projection.apply(eventsFor(projection, [...events, opened]), tx);
    });
    expect(await row()).toEqual({ deferred_due_on: '2019-10-09', feedback_case_id: 'case-1' });
  });
});
