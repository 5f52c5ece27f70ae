import type { SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import type { CalendarDate, WorkingDayCalendar } from '@app/kernel';
import { handlingClock, type ApplicationState } from '../../domain';

/** A row of `rm_application_files_v1` as the queries read it (see `ApplicationsReadModel1764300000001`). */
export interface ApplicationRecord {
  application_id: string;
  /** stream version of the last event applied (the ETag of GET) */
  version: number;
  /** global position of the last event applied */
  position: string;
  department_id: string;
  /** the folded `ApplicationState` (sealed applicant only): what `handlingClock` needs as of any date */
  state: ApplicationState;
  /** false once the applicant's key is gone from `applicant_keys` (the personal data erased) */
  key_present: boolean;
  /** the follow-up case a 差评 opened, or null */
  feedback_case_id: string | null;
}

const COLUMNS = `a.application_id, a.version, a.position::text AS position, a.department_id, a.state, a.feedback_case_id,
  EXISTS (SELECT 1 FROM applicant_keys k WHERE k.key_id = a.key_id) AS key_present`;

/** One application of the read model, or null. */
export async function applicationById(sql: SqlExecutor, applicationId: string): Promise<ApplicationRecord | null> {
  const [row] = await sql.query<ApplicationRecord>(`SELECT ${COLUMNS} FROM rm_application_files_v1 a WHERE a.application_id = $1`, [
    applicationId,
  ]);
  return row ?? null;
}

export interface ApplicationFilter {
  departmentId?: string;
  status?: string;
  /** overdue as of `today` */
  overdue?: boolean;
  /** only the applications still open (`OPEN_STATUSES`), or only the others */
  open?: boolean;
  sort?: 'submitted' | 'deadline';
  page: number;
  pageSize: number;
}

/**
 * May be overdue: completed late, or open with the deadline of its closed pauses already past ($1: today).
 * A returned one (退件) is neither: its clock stopped at the return (`handlingClock`).
 */
const MAYBE_OVERDUE =
  "(a.completed_late OR (a.completed_on IS NULL AND a.status <> 'returned' AND COALESCE(a.deadline < $1::date, false)))";

/** 在办: the statuses a window still has work on (not rejected, completed, delivered or returned). */
export const OPEN_STATUSES = ['submitted', 'supplement_requested', 'accepted', 'special_procedure', 'suspended'] as const;

/** The window's worklist order: running clocks by deadline, then the paused, then those not yet accepted (oldest first). */
const BY_DEADLINE = 'a.deadline IS NULL, a.open_pauses > 0, a.deadline, a.submitted_at';

/** A page of applications, newest first (or by deadline); overdue as of `today` (an open pause is decided by `handlingClock`). */
export async function applicationPage(
  sql: SqlExecutor,
  filter: ApplicationFilter,
  today: CalendarDate,
  calendar: WorkingDayCalendar,
): Promise<Page<ApplicationRecord>> {
  const params: unknown[] = [today];
  const conditions: string[] = [];
  if (filter.departmentId !== undefined) conditions.push(`a.department_id = $${params.push(filter.departmentId)}`);
  if (filter.status !== undefined) conditions.push(`a.status = $${params.push(filter.status)}`);
  if (filter.open !== undefined) conditions.push(`${filter.open ? '' : 'NOT '}a.status = ANY($${params.push([...OPEN_STATUSES])}::text[])`);
  if (filter.overdue !== undefined) {
    // an open pause moves the deadline later: those candidates are decided by handlingClock
    const paused = await sql.query<{ application_id: string; state: ApplicationState }>(
      `SELECT a.application_id, a.state FROM rm_application_files_v1 a
       WHERE ${[...conditions, MAYBE_OVERDUE, 'a.completed_on IS NULL', 'a.open_pauses > 0'].join(' AND ')}`,
      params,
    );
    const notOverdue = paused.filter((row) => !handlingClock(row.state, today, calendar).overdue).map((row) => row.application_id);
    const exempt = `a.application_id = ANY($${params.push(notOverdue)}::text[])`;
    conditions.push(filter.overdue ? `${MAYBE_OVERDUE} AND NOT ${exempt}` : `(NOT ${MAYBE_OVERDUE} OR ${exempt})`);
  }
  const clause = `WHERE $1::date IS NOT NULL${conditions.map((condition) => ` AND ${condition}`).join('')}`;
  const [{ total }] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM rm_application_files_v1 a ${clause}`, params);
  const items = await sql.query<ApplicationRecord>(
    `SELECT ${COLUMNS} FROM rm_application_files_v1 a ${clause}
     ORDER BY ${filter.sort === 'deadline' ? BY_DEADLINE : 'a.submitted_at DESC'}, a.application_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  return { items, page: filter.page, pageSize: filter.pageSize, total: Number(total) };
}
