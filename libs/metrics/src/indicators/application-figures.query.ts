import type { SqlExecutor } from '@app/event-store';
import { toCount } from '../shared/to-count';
import { groupColumn, scopeFilter, type GroupBy, type Scope } from './scope';
import { addDays } from '@app/kernel';

/** The application counters of one group: sums over the period, open/overdue on `asOf`. */
export interface ApplicationFigures {
  accepted: number;
  online: number;
  mobile: number;
  completed: number;
  onTime: number;
  zeroVisit: number;
  /** 好差评 given in the period, by score 1..5 */
  scores: [number, number, number, number, number];
  open: number;
  overdue: number;
}

const SUMS = ['accepted', 'online', 'mobile', 'completed', 'on_time', 'zero_visit', 's1', 's2', 's3', 's4', 's5'];

/**
 * Every application figure of a report in ONE statement over `rm_application_counters_v2`: the
 * period's counters from its whole months (`m` rows) plus the days of the partial months at its
 * ends (`d` rows), and open/overdue on `asOf` as the sum of the deltas before it (the months before
 * `asOf`'s month, then its days). The rows read depend on months × scopes, not on applications.
 */
export async function applicationFigures(
  sql: SqlExecutor,
  asOf: string,
  period: { from: string; to: string },
  scope: Scope,
  by?: GroupBy,
): Promise<Map<string, ApplicationFigures>> {
  const { fullFrom, fullUntil } = wholeMonths(period.from, period.to);
  const asOfMonth = `${asOf.slice(0, 7)}-01`;
  const params: unknown[] = [period.from, period.to, fullFrom, fullUntil, asOfMonth, asOf];
  const inPeriod = `((grain = 'm' AND day >= $3::date AND day < $4::date)
    OR (grain = 'd' AND day BETWEEN $1::date AND $2::date AND (day < $3::date OR day >= $4::date)))`;
  const upToAsOf = `((grain = 'm' AND day < $5::date) OR (grain = 'd' AND day >= $5::date AND day <= $6::date))`;
  const filter = scopeFilter(scope, params);
  // two index range scans, each summing plain columns (no per-row FILTER expressions)
  const result = await sql.query<Record<string, string>>(
    `SELECT 'period' AS part, ${groupColumn(by)} AS group_id, ${SUMS.map((c) => `sum(${c}) AS ${c}`).join(', ')}, 0 AS open, 0 AS overdue
     FROM rm_application_counters_v2 WHERE ${inPeriod} ${filter} GROUP BY 2
     UNION ALL
     SELECT 'asOf', ${groupColumn(by)}, ${SUMS.map(() => '0').join(', ')}, sum(open_delta), sum(overdue_delta)
     FROM rm_application_counters_v2 WHERE ${upToAsOf} ${filter} GROUP BY 2`,
    params,
  );
  const groups = new Map<string, ApplicationFigures>();
  for (const row of result) {
    const figures = groups.get(row.group_id) ?? { ...NO_FIGURES, scores: [0, 0, 0, 0, 0] };
    groups.set(row.group_id, figures);
    if (row.part === 'asOf') {
      figures.open = toCount(row.open);
      figures.overdue = toCount(row.overdue);
      continue;
    }
    Object.assign(figures, {
      accepted: toCount(row.accepted),
      online: toCount(row.online),
      mobile: toCount(row.mobile),
      completed: toCount(row.completed),
      onTime: toCount(row.on_time),
      zeroVisit: toCount(row.zero_visit),
      scores: [toCount(row.s1), toCount(row.s2), toCount(row.s3), toCount(row.s4), toCount(row.s5)],
    });
  }
  return groups;
}

export const NO_FIGURES: ApplicationFigures = {
  accepted: 0,
  online: 0,
  mobile: 0,
  completed: 0,
  onTime: 0,
  zeroVisit: 0,
  scores: [0, 0, 0, 0, 0],
  open: 0,
  overdue: 0,
};

/** The whole months inside `from..to` as `[fullFrom, fullUntil)`; empty (equal bounds) when there is none. */
export function wholeMonths(from: string, to: string): { fullFrom: string; fullUntil: string } {
  const fullFrom = from.endsWith('-01') ? from : nextMonth(from);
  const fullUntil = `${addDays(to, 1).slice(0, 7)}-01`;
  return fullFrom < fullUntil ? { fullFrom, fullUntil } : { fullFrom: from, fullUntil: from };
}

function nextMonth(date: string): string {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
