import type { ProjectedEvent, Projection, SqlExecutor } from '@app/event-store';
import { businessCalendar, type WorkingDayCalendar } from '@app/kernel';
import { evolveFeedbackCase, FEEDBACK_CASE_EVENT_TYPES, type FeedbackCaseEvent, type FeedbackCaseState } from '../../domain';
import { feedbackCaseIdOfStream } from '../feedback-case-stream';

export const FEEDBACK_CASES_TABLE = 'rm_feedback_cases_v1';
export const FEEDBACK_CASES_PROJECTION = 'feedback-cases';

type Opened = Exclude<FeedbackCaseState, { status: 'none' }>;

/** The columns of one row, as the projection writes them. */
interface FeedbackCaseRowValues {
  case_id: string;
  version: number;
  position: number;
  application_id: string;
  department_id: string;
  region_code: string;
  status: string;
  score: number;
  opened_at: string;
  opened_on: string;
  contact_due_on: string;
  rectify_due_on: string;
  contacted_on: string | null;
  rectified_on: string | null;
  re_score: number | null;
  state: Opened;
}

const COLUMNS: readonly (keyof FeedbackCaseRowValues)[] = [
  'case_id',
  'version',
  'position',
  'application_id',
  'department_id',
  'region_code',
  'status',
  'score',
  'opened_at',
  'opened_on',
  'contact_due_on',
  'rectify_due_on',
  'contacted_on',
  'rectified_on',
  're_score',
  'state',
];
const COLUMN_TYPES =
  'case_id text, version int, position bigint, application_id text, department_id text, region_code text, status text, score int, ' +
  'opened_at timestamptz, opened_on date, contact_due_on date, rectify_due_on date, contacted_on date, rectified_on date, ' +
  're_score int, state jsonb';

function rowValues(
  state: Opened,
  stream: { caseId: string; version: number; position: number; openedAt: string },
  calendar: WorkingDayCalendar,
) {
  const step = (at: string | undefined) => (at === undefined ? null : calendar.businessDate(at));
  return {
    case_id: stream.caseId,
    version: stream.version,
    position: stream.position,
    application_id: state.applicationId,
    department_id: state.departmentId,
    region_code: state.regionCode,
    status: state.status,
    score: state.score,
    opened_at: stream.openedAt,
    opened_on: state.openedOn,
    contact_due_on: state.contactDueOn,
    rectify_due_on: state.rectifyDueOn,
    contacted_on: step('contact' in state ? state.contact.at : undefined),
    rectified_on: step('rectification' in state ? state.rectification.at : undefined),
    re_score: state.status === 'closed' ? state.reRating.score : null,
    state,
  } satisfies FeedbackCaseRowValues;
}

/**
 * The `feedback-cases` read model: one row per case stream, folded with the domain's
 * `evolveFeedbackCase` (versions already applied are skipped, so a replay changes nothing) and
 * written back in one multi-row upsert. Tables come from the migration.
 */
export class FeedbackCasesProjection implements Projection<FeedbackCaseEvent> {
  readonly name = FEEDBACK_CASES_PROJECTION;
  readonly version = 1;
  readonly handles = FEEDBACK_CASE_EVENT_TYPES;

  constructor(private readonly calendar: WorkingDayCalendar = businessCalendar()) {}

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`TRUNCATE ${FEEDBACK_CASES_TABLE}`);
  }

  async apply(events: ProjectedEvent<FeedbackCaseEvent>[], tx: SqlExecutor): Promise<void> {
    const ids = [...new Set(events.map((event) => feedbackCaseIdOfStream(event.streamId)))];
    const stored = await tx.query<{ case_id: string; version: number; position: string; opened_at: string; state: Opened }>(
      `SELECT case_id, version, position, opened_at, state FROM ${FEEDBACK_CASES_TABLE}
       WHERE case_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
      [JSON.stringify(ids)],
    );
    const streams = new Map<string, { state: FeedbackCaseState; version: number; position: number; openedAt: string; changed: boolean }>(
      stored.map((row) => [
        row.case_id,
        {
          state: row.state,
          version: row.version,
          position: Number(row.position),
          openedAt: new Date(row.opened_at).toISOString(),
          changed: false,
        },
      ]),
    );
    for (const event of events) {
      const caseId = feedbackCaseIdOfStream(event.streamId);
      const current = streams.get(caseId) ?? {
        state: { status: 'none' },
        version: 0,
        position: 0,
        openedAt: event.data.at,
        changed: false,
      };
      if (event.version <= current.version) continue;
      streams.set(caseId, {
        ...current,
        state: evolveFeedbackCase(current.state, event),
        version: event.version,
        position: event.position,
        changed: true,
      });
    }
    const rows: FeedbackCaseRowValues[] = [];
    for (const [caseId, { state, version, position, openedAt, changed }] of streams)
      if (changed && state.status !== 'none') rows.push(rowValues(state, { caseId, version, position, openedAt }, this.calendar));
    if (rows.length === 0) return;
    const updates = COLUMNS.filter((column) => column !== 'case_id').map((column) => `${column} = excluded.${column}`);
    await tx.query(
      `INSERT INTO ${FEEDBACK_CASES_TABLE} (${COLUMNS.join(', ')})
       SELECT ${COLUMNS.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${COLUMN_TYPES})
       ON CONFLICT (case_id) DO UPDATE SET ${updates.join(', ')}`,
      [JSON.stringify(rows)],
    );
  }
}

/** The instance the API registers (projection-registry.ts). */
export const feedbackCasesProjection = new FeedbackCasesProjection();
