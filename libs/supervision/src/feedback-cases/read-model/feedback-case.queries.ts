import type { SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import type { CalendarDate } from '@app/kernel';
import type { FeedbackCaseState } from '../../domain';
import { FEEDBACK_CASES_TABLE } from './feedback-cases.projection';

/** A row of `rm_feedback_cases_v1` as the queries read it. */
export interface FeedbackCaseRecord {
  case_id: string;
  version: number;
  position: string;
  department_id: string;
  /** the folded case: what `feedbackCaseOverdue` needs as of any date */
  state: FeedbackCaseState;
}

const COLUMNS = 'c.case_id, c.version, c.position::text AS position, c.department_id, c.state';

/** One case of the read model, or null. */
export async function feedbackCaseById(sql: SqlExecutor, caseId: string): Promise<FeedbackCaseRecord | null> {
  const [row] = await sql.query<FeedbackCaseRecord>(`SELECT ${COLUMNS} FROM ${FEEDBACK_CASES_TABLE} c WHERE c.case_id = $1`, [caseId]);
  return row ?? null;
}

export interface FeedbackCaseFilter {
  departmentId?: string;
  status?: string;
  /** overdue as of the page's `asOf` */
  overdue?: boolean;
  page: number;
  pageSize: number;
}

/**
 * Overdue as of $1 (`feedbackCaseOverdue` in SQL): opened by then, and a step not done by then
 * whose due date is before it (the due date itself is on time).
 */
const OVERDUE = `(c.opened_on <= $1::date AND (
  ((c.contacted_on IS NULL OR c.contacted_on > $1::date) AND $1::date > c.contact_due_on) OR
  ((c.rectified_on IS NULL OR c.rectified_on > $1::date) AND $1::date > c.rectify_due_on)))`;

/** A page of cases, newest first; `overdue` as of `asOf`. */
export async function feedbackCasePage(
  sql: SqlExecutor,
  filter: FeedbackCaseFilter,
  asOf: CalendarDate,
): Promise<Page<FeedbackCaseRecord>> {
  const params: unknown[] = [asOf];
  const conditions = ['$1::date IS NOT NULL'];
  if (filter.departmentId !== undefined) conditions.push(`c.department_id = $${params.push(filter.departmentId)}`);
  if (filter.status !== undefined) conditions.push(`c.status = $${params.push(filter.status)}`);
  if (filter.overdue !== undefined) conditions.push(filter.overdue ? OVERDUE : `NOT ${OVERDUE}`);
  const clause = `WHERE ${conditions.join(' AND ')}`;
  const [{ total }] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${FEEDBACK_CASES_TABLE} c ${clause}`, params);
  const items = await sql.query<FeedbackCaseRecord>(
    `SELECT ${COLUMNS} FROM ${FEEDBACK_CASES_TABLE} c ${clause}
     ORDER BY c.opened_at DESC, c.case_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  return { items, page: filter.page, pageSize: filter.pageSize, total: Number(total) };
}
