import type { SqlExecutor } from '@app/event-store';
import { ISSUES_TABLE } from './quality-issues.tables';

/** Per department: its quality issues found by `date`, still open on it, whose deadline is `date` or earlier (for the daily notice). */
export async function qualityIssuesDueBy(sql: SqlExecutor, date: string): Promise<Map<string, number>> {
  const rows = await sql.query<{ department_id: string; due: number }>(
    `SELECT department_id, count(*)::int AS due FROM ${ISSUES_TABLE}
      WHERE found_on <= $1::date AND deadline <= $1::date AND (closed_on IS NULL OR closed_on > $1::date)
      GROUP BY department_id`,
    [date],
  );
  return new Map(rows.map((row) => [row.department_id, Number(row.due)]));
}
