import { selectPage, SqlFilter, type SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import { businessToday } from '@app/kernel';
import { categoryDefinition, type QualityIssueCategory } from '../../domain/categories';
import type { IssueRow, StepRow } from './quality-issue-rows';
import type { IssueDetailView, IssueView } from './quality-issue.views';
import { ISSUES_TABLE, STEPS_TABLE } from './quality-issues.tables';

export interface IssueFilter {
  departmentId?: string;
  regionCode?: string;
  status?: string;
  overdue?: boolean;
  matterId?: string;
  category?: string;
  page: number;
  pageSize: number;
}

const ISSUE_COLUMNS = `issue_id, matter_id, department_id, region_code, category, description, rule, status, deadline::text AS deadline,
  found_at, found_on::text AS found_on, closed_at, closed_on::text AS closed_on, inspector, last_note, returned_with, updated_at,
  version, position::text AS position`;

/** One issue with the history of its loop steps, from the read model only. */
export async function qualityIssue(sql: SqlExecutor, id: string): Promise<IssueDetailView | null> {
  const [row] = await sql.query<IssueRow>(`SELECT ${ISSUE_COLUMNS} FROM ${ISSUES_TABLE} WHERE issue_id = $1`, [id]);
  if (!row) return null;
  const steps = await sql.query<StepRow & { position: string }>(
    `SELECT step, status, at, on_date::text AS on_date, actor, text, deadline::text AS deadline, version, position::text AS position
       FROM ${STEPS_TABLE} WHERE issue_id = $1 ORDER BY version`,
    [id],
  );
  const history = steps.map((s) => ({
    step: s.step,
    status: s.status,
    at: s.at,
    date: s.on_date,
    actor: s.actor,
    text: s.text,
    deadline: s.deadline,
    version: Number(s.version),
    position: Number(s.position),
  }));
  return { ...toView(row, businessToday()), history };
}

/** Issues, newest first, filtered, a page of them. */
export async function qualityIssuePage(sql: SqlExecutor, filter: IssueFilter): Promise<Page<IssueView>> {
  const today = businessToday();
  const filters = new SqlFilter();
  if (filter.departmentId) filters.where('department_id = ?', filter.departmentId);
  if (filter.regionCode) filters.where('region_code = ?', filter.regionCode);
  if (filter.matterId) filters.where('matter_id = ?', filter.matterId);
  if (filter.category) filters.where('category = ?', filter.category);
  if (filter.status === 'open') filters.whereLiteral(`status <> 'closed'`);
  else if (filter.status) filters.where('status = ?', filter.status);
  if (filter.overdue !== undefined)
    filters.where(`(status <> 'closed' AND deadline < ?::date) = ${filter.overdue ? 'true' : 'false'}`, today);
  const { rows, total } = await selectPage<IssueRow>(sql, {
    table: ISSUES_TABLE,
    columns: ISSUE_COLUMNS,
    filter: filters,
    orderBy: 'found_at DESC, issue_id',
    page: filter.page,
    pageSize: filter.pageSize,
  });
  return { items: rows.map((row) => toView(row, today)), page: filter.page, pageSize: filter.pageSize, total };
}

/** Rules with an issue still open on the matter, and how many issues each rule has ever logged there. */
export async function rulesOfMatter(sql: SqlExecutor, matterId: string): Promise<{ rule: string; open: boolean; logged: number }[]> {
  const rows = await sql.query<{ rule: string; open: boolean; logged: number }>(
    `SELECT rule, bool_or(status <> 'closed') AS open, count(*)::int AS logged
       FROM ${ISSUES_TABLE} WHERE matter_id = $1 AND rule IS NOT NULL GROUP BY rule`,
    [matterId],
  );
  return rows.map((row) => ({ rule: row.rule, open: row.open === true, logged: Number(row.logged) }));
}

function toView(row: IssueRow, today: string): IssueView {
  const { zh, en } = categoryDefinition(row.category as QualityIssueCategory);
  return {
    id: row.issue_id,
    matterId: row.matter_id,
    departmentId: row.department_id,
    regionCode: row.region_code,
    category: row.category,
    categoryLabel: { zh, en },
    description: row.description,
    rule: row.rule,
    status: row.status,
    deadline: row.deadline,
    overdue: row.status !== 'closed' && today > row.deadline,
    foundAt: row.found_at,
    foundOn: row.found_on,
    closedAt: row.closed_at,
    closedOn: row.closed_on,
    inspector: row.inspector,
    lastNote: row.last_note,
    returnedWith: row.returned_with,
    version: Number(row.version),
    position: Number(row.position),
  };
}
