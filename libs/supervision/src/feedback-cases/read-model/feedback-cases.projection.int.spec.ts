import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { eventsFor, type Checkpoint, type RecordedEvent } from '@app/event-store';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import { feedbackCaseIdOf, type FeedbackCaseEvent } from '../../domain';
import { feedbackCaseStreamId } from '../feedback-case-stream';
import { feedbackCaseById, feedbackCasePage } from './feedback-case.queries';
import { FeedbackCasesReadModel1764900000002 } from './feedback-cases.migration';
import { FeedbackCasesProjection } from './feedback-cases.projection';

const on = (date: string) => `${date}T10:00:00+08:00`;

function recorded(applicationId: string, events: FeedbackCaseEvent[], firstPosition: number): RecordedEvent[] {
  const caseId = feedbackCaseIdOf(applicationId);
  return events.map((event, index) => ({
    id: randomUUID(),
    streamId: feedbackCaseStreamId(caseId),
    type: event.type,
    schemaVersion: 1,
    data: { ...event.data, caseId },
    metadata: { actor: 'system', correlationId: 'c', at: event.data.at },
    version: index + 1,
    position: firstPosition + index,
    checkpoint: `0:${firstPosition + index}` as Checkpoint,
    recordedAt: new Date().toISOString(),
  }));
}

/** evaluated Mon 30 Sep 2019: contact due Tue 8 Oct, rectification due Fri 25 Oct */
const opened = (applicationId: string, departmentId = 'dept-market'): FeedbackCaseEvent => ({
  type: 'feedback-case.opened',
  data: {
    caseId: '',
    applicationId,
    departmentId,
    regionCode: '330602',
    score: 2,
    openedOn: '2019-09-30',
    contactDueOn: '2019-10-08',
    rectifyDueOn: '2019-10-25',
    at: on('2019-09-30'),
  },
});
const contacted = (date: string): FeedbackCaseEvent => ({
  type: 'feedback-case.contacted',
  data: { caseId: '', note: '回访', at: on(date) },
});
const rectified = (date: string): FeedbackCaseEvent => ({
  type: 'feedback-case.rectified',
  data: { caseId: '', note: '整改', at: on(date) },
});

describe.each(testBackends())('feedback-cases projection on %s', (backend) => {
  let db: TestSql;
  const projection = new FeedbackCasesProjection();

  beforeAll(async () => {
    db = await openTestSql(backend, 'feedback_cases_projection');
    await new FeedbackCasesReadModel1764900000002().up({ query: (text: string) => db.sql.query(text) } as unknown as QueryRunner);
  });
  afterAll(() => db.dispose());

  it('folds each case into one row, idempotently, and lists overdue as of a date like feedbackCaseOverdue', async () => {
    const late = recorded('app-late', [opened('app-late'), contacted('2019-10-10')], 1);
    const done = recorded('app-done', [opened('app-done', 'dept-health'), contacted('2019-10-08'), rectified('2019-10-25')], 3);
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, [...late, ...done.slice(0, 2)]), tx));
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, [...late, ...done]), tx)); // a replay changes nothing twice
    expect(await feedbackCaseById(db.sql, feedbackCaseIdOf('app-done'))).toMatchObject({ version: 3, state: { status: 'rectified' } });

    const overdue = async (asOf: string, departmentId?: string) =>
      (await feedbackCasePage(db.sql, { overdue: true, departmentId, page: 1, pageSize: 10 }, asOf)).items.map((row) => row.state);
    expect(await overdue('2019-10-08')).toEqual([]);
    // contacted on 10 Oct: overdue on 9 Oct, as of which it was not yet contacted; on time again from 10 Oct
    expect(await overdue('2019-10-09')).toEqual([expect.objectContaining({ applicationId: 'app-late' })]);
    expect(await overdue('2019-10-10')).toEqual([]);
    expect(await overdue('2019-10-28')).toEqual([expect.objectContaining({ applicationId: 'app-late' })]);
    expect(await overdue('2019-10-28', 'dept-health')).toEqual([]);
    const notOverdue = await feedbackCasePage(db.sql, { overdue: false, status: 'rectified', page: 1, pageSize: 10 }, '2019-10-28');
    expect(notOverdue.items.map((row) => row.case_id)).toEqual([feedbackCaseIdOf('app-done')]);

    await db.sql.transaction(async (tx) => {
      await projection.reset(tx);
      await projection.apply(eventsFor(projection, [...late, ...done]), tx);
    });
    expect((await feedbackCasePage(db.sql, { page: 1, pageSize: 10 }, '2019-10-28')).total).toBe(2);
  });
});
