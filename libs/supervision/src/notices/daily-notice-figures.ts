import { qualityIssuesDueBy } from '@app/audit';
import type { SqlExecutor } from '@app/event-store';
import type { CalendarDate, WorkingDayCalendar } from '@app/kernel';
import { supervisionWarning, type DailyNoticeFigures } from '../domain';
import { FEEDBACK_CASES_TABLE } from '../feedback-cases/read-model/feedback-cases.projection';
import { RED_CARDS_TABLE } from '../shared/supervision-tables';
import { openSnapshotsOn } from '../warnings/warnings.queries';

const NONE: DailyNoticeFigures = { openApplications: 0, yellow: 0, red: 0, openCards: 0, openFeedbackCases: 0, qualityIssuesDue: 0 };

/**
 * Each department's daily notice figures on `date`, from the read models once they have caught up
 * with the sweep's own steps: applications open and warned as of the date (exact for any date),
 * cards and 差评 cases opened by the date that are open now, quality issues open and due on it.
 */
export async function dailyNoticeFigures(
  sql: SqlExecutor,
  date: CalendarDate,
  calendar: WorkingDayCalendar,
  limits: { yellowWorkdays: number },
): Promise<Map<string, DailyNoticeFigures>> {
  const figures = new Map<string, DailyNoticeFigures>();
  const of = (departmentId: string) => figures.get(departmentId) ?? figures.set(departmentId, { ...NONE }).get(departmentId)!;
  for (const { snapshot } of await openSnapshotsOn(sql, date)) {
    const department = of(snapshot.departmentId);
    department.openApplications += 1;
    const level = supervisionWarning(snapshot, date, calendar, limits)?.level;
    if (level) department[level] += 1;
  }
  for (const [table, field, opened] of [
    [RED_CARDS_TABLE, 'openCards', 'issued_on'],
    [FEEDBACK_CASES_TABLE, 'openFeedbackCases', 'opened_on'],
  ] as const) {
    const rows = await sql.query<{ department_id: string; n: number }>(
      `SELECT department_id, count(*)::int AS n FROM ${table} WHERE ${opened} <= $1::date AND status <> 'closed' GROUP BY department_id`,
      [date],
    );
    for (const row of rows) of(row.department_id)[field] = Number(row.n);
  }
  for (const [departmentId, due] of await qualityIssuesDueBy(sql, date)) of(departmentId).qualityIssuesDue = due;
  return figures;
}
