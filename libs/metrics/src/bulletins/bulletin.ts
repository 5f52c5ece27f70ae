import { addDays } from '@app/kernel';
import { indicatorsByGroup, type IndicatorResult } from '../indicators/assessment-report';
import { INDICATOR_KEYS } from '../indicators/indicator-definitions';
import type { ReportDates } from '../indicators/report-dates';
import { rankings, type Ranking } from '../rankings/rankings';
import type { SqlExecutor } from '@app/event-store';
import { directoryNames } from '@app/directory';
import { withNames } from '../shared/named-codes';
import type { QualityIssueChanges, QualityIssueSource } from './quality-issue-source';
import { activity, overdueApplications, type OverdueList } from './overdue-applications.query';
import { redCardsByDepartment, type RedCardCounts } from './red-cards.query';

export interface IndicatorChange extends IndicatorResult {
  previous: { numerator: number; denominator: number; rate: number | null };
  /** change of the rate in percentage points; null when either rate is null */
  delta: number | null;
}

export interface Bulletin {
  kind: 'daily' | 'weekly';
  /** the date (daily) or ISO week (weekly) */
  label: string;
  interval: { from: string; to: string };
  asOf: string;
  previousAsOf: string;
  indicators: IndicatorChange[];
  activity: { accepted: number; completed: number; completedOnTime: number };
  /** each item with `departmentName` and `regionName` */
  overdue: OverdueList;
  qualityIssues: QualityIssueChanges | null;
  redCards: RedCardCounts;
  rankings: { byRegion: Ranking[]; byDepartment: Ranking[] };
}

/** Year to date as of `date`, the way every report counts. */
const yearToDate = (date: string): ReportDates => ({ asOf: date, period: { from: `${date.slice(0, 4)}-01-01`, to: date } });

/**
 * 每日专报 / 一周一通报: the indicators at the end of the interval against the day before it
 * began, what happened in it, the overdue list, quality issues found and closed in it, red cards
 * issued in it and year to date by department, and the ranking boards by region and by department on all eight indicators.
 */
export async function buildBulletin(
  sql: SqlExecutor,
  kind: Bulletin['kind'],
  label: string,
  interval: { from: string; to: string },
  qualityIssues: QualityIssueSource | null,
): Promise<Bulletin> {
  const asOf = interval.to;
  const previousAsOf = addDays(interval.from, -1);
  const [now, before, happened, overdue, issues, redCards, byRegion, byDepartment, names] = await Promise.all([
    indicatorsByGroup(sql, yearToDate(asOf), {}),
    indicatorsByGroup(sql, yearToDate(previousAsOf), {}),
    activity(sql, interval.from, interval.to),
    overdueApplications(sql, asOf, previousAsOf),
    qualityIssues ? qualityIssues.changes(interval) : Promise.resolve(null),
    redCardsByDepartment(sql, interval, yearToDate(asOf)),
    rankings(sql, INDICATOR_KEYS, 'region', yearToDate(asOf)),
    rankings(sql, INDICATOR_KEYS, 'department', yearToDate(asOf)),
    directoryNames(sql),
  ]);
  const previous = before.get('')!;
  const indicators = now.get('')!.map((result, index) => {
    const { numerator, denominator, rate } = previous[index];
    const delta = result.rate === null || rate === null ? null : (Math.round(result.rate * 100) - Math.round(rate * 100)) / 100;
    return { ...result, previous: { numerator, denominator, rate }, delta };
  });
  return {
    kind,
    label,
    interval,
    asOf,
    previousAsOf,
    indicators,
    activity: happened,
    overdue: { ...overdue, items: overdue.items.map((item) => withNames(names, item)) },
    qualityIssues: issues,
    redCards: { ...redCards, byDepartment: redCards.byDepartment.map((row) => withNames(names, row)) },
    rankings: { byRegion, byDepartment },
  };
}
