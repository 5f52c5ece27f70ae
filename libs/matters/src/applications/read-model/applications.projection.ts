import type { ProjectedEvent, Projection } from '@app/event-store';
import { loadStoredRows } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';
import { APPLICATION_EVENT_TYPES, ApplicationEvent, ApplicationState, evolveApplication } from '../../domain';
import { applicationIdOf } from '../application-stream';
import { businessCalendar } from '@app/kernel';
import { ApplicationRowValues, applicationRowValues } from './application-row.values';
import { WorkingDayCalendar } from '@app/kernel';

export const APPLICATIONS_TABLE = 'rm_application_files_v1';

/**
 * The one event of another context this read model follows: supervision's `feedback-case.opened`
 * (a 差评's follow-up case), of which it keeps the case id on the application's row.
 */
export interface FeedbackCaseOpenedForApplication {
  type: 'feedback-case.opened';
  data: { caseId: string; applicationId: string };
}

type Handled = ApplicationEvent | FeedbackCaseOpenedForApplication;

const COLUMNS: readonly (keyof ApplicationRowValues)[] = [
  'application_id',
  'version',
  'position',
  'matter_id',
  'matter_code',
  'department_id',
  'region_code',
  'channel',
  'status',
  'submitted_at',
  'accepted_at',
  'accepted_on',
  'completed_on',
  'outcome',
  'visits',
  'evaluation_score',
  'deadline',
  'open_pauses',
  'completed_late',
  'key_id',
  'deferred_due_on',
  'state',
];
const COLUMN_TYPES =
  'application_id text, version int, position bigint, matter_id text, matter_code text, department_id text, region_code text, ' +
  'channel text, status text, submitted_at timestamptz, accepted_at timestamptz, accepted_on date, completed_on date, outcome text, ' +
  'visits int, evaluation_score int, deadline date, open_pauses int, completed_late boolean, key_id text, deferred_due_on date, state jsonb';

/**
 * The `applications` read model: one row per application stream. A batch loads the rows of its
 * streams, folds the new events with the domain's `evolveApplication` (skipping versions already
 * applied, so a replay changes nothing) and writes them back in one multi-row upsert.
 * Tables come from the migration.
 */
export class ApplicationsProjection implements Projection<Handled> {
  readonly name = 'applications';
  readonly version = 1;
  readonly handles: readonly Handled['type'][] = [...APPLICATION_EVENT_TYPES, 'feedback-case.opened'];

  constructor(private readonly calendar: WorkingDayCalendar = businessCalendar()) {}

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`TRUNCATE ${APPLICATIONS_TABLE}`);
  }

  async apply(batch: ProjectedEvent<Handled>[], tx: SqlExecutor): Promise<void> {
    const events: ProjectedEvent<ApplicationEvent>[] = [];
    const cases: FeedbackCaseOpenedForApplication['data'][] = [];
    for (const event of batch)
      if (event.type === 'feedback-case.opened') cases.push({ caseId: event.data.caseId, applicationId: event.data.applicationId });
      else events.push(event);
    await this.applyApplicationEvents(events, tx);
    // after the upsert: the application's row exists before its evaluation opens a case
    if (cases.length > 0)
      await tx.query(
        `UPDATE ${APPLICATIONS_TABLE} a SET feedback_case_id = x."caseId"
         FROM jsonb_to_recordset($1::jsonb) AS x("caseId" text, "applicationId" text) WHERE a.application_id = x."applicationId"`,
        [JSON.stringify(cases)],
      );
  }

  private async applyApplicationEvents(events: ProjectedEvent<ApplicationEvent>[], tx: SqlExecutor): Promise<void> {
    if (events.length === 0) return;
    const streams = new Map<string, { state: ApplicationState; version: number; position: number; changed: boolean }>();
    const stored = await loadStoredRows(
      events,
      { streamOf: (event) => applicationIdOf(event.streamId), isNew: (event) => event.version === 1 },
      (ids) =>
        tx.query<{ application_id: string; version: number; position: string; state: ApplicationState }>(
          `SELECT application_id, version, position, state FROM ${APPLICATIONS_TABLE}
           WHERE application_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(ids)],
        ),
      (row) => row.application_id,
    );
    for (const row of stored.values())
      streams.set(row.application_id, { state: row.state, version: row.version, position: Number(row.position), changed: false });
    for (const event of events) {
      const id = applicationIdOf(event.streamId);
      const current = streams.get(id) ?? { state: { status: 'none' }, version: 0, position: 0, changed: false };
      if (event.version <= current.version) continue;
      const state = evolveApplication(current.state, event);
      streams.set(id, { state, version: event.version, position: event.position, changed: true });
    }
    const rows: ApplicationRowValues[] = [];
    for (const [applicationId, { state, version, position, changed }] of streams)
      if (changed && state.status !== 'none') rows.push(applicationRowValues(state, { applicationId, version, position }, this.calendar));
    if (rows.length > 0) await upsert(tx, rows);
  }
}

async function upsert(tx: SqlExecutor, rows: ApplicationRowValues[]): Promise<void> {
  const updates = COLUMNS.filter((column) => column !== 'application_id').map((column) => `${column} = excluded.${column}`);
  await tx.query(
    `INSERT INTO ${APPLICATIONS_TABLE} (${COLUMNS.join(', ')})
     SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMN_TYPES})
     ON CONFLICT (application_id) DO UPDATE SET ${updates.join(', ')}`,
    [JSON.stringify(rows)],
  );
}

/** The instance the API registers (projection-registry.ts). */
export const applicationsProjection = new ApplicationsProjection();
