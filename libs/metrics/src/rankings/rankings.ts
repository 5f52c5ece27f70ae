import { indicatorsByGroup } from '../indicators/assessment-report';
import { indicatorDefinition, type IndicatorDefinition, type IndicatorKey } from '../indicators/indicator-definitions';
import type { ReportDates } from '../indicators/report-dates';
import type { GroupBy, Scope } from '../indicators/scope';
import type { SqlExecutor } from '@app/event-store';
import { directoryNames } from '@app/directory';
import { withNames } from '../shared/named-codes';
import { supervisionFigures } from '../supervision/supervision-figures.query';
import { rankRows, type RankingRow } from './rank-rows';

export interface Ranking {
  indicator: Omit<IndicatorDefinition, 'level'>;
  by: GroupBy;
  asOf: string;
  period: { from: string; to: string };
  /** each row with `departmentName` or `regionName` beside its code (the code itself when the directory does not name it) */
  rows: (RankingRow & { departmentName?: string; regionName?: string; redCards: number })[];
}

/** Departments or regions ranked on one indicator (晾晒台). */
export async function ranking(sql: SqlExecutor, key: IndicatorKey, by: GroupBy, dates: ReportDates, scope: Scope = {}): Promise<Ranking> {
  return (await rankings(sql, [key], by, dates, scope))[0];
}

/** Several rankings from one set of grouped queries; each row also gives the group's name and red cards (红牌) of the period. */
export async function rankings(
  sql: SqlExecutor,
  keys: readonly IndicatorKey[],
  by: GroupBy,
  dates: ReportDates,
  scope: Scope = {},
): Promise<Ranking[]> {
  const [groups, supervision, names] = await Promise.all([
    indicatorsByGroup(sql, dates, scope, by),
    supervisionFigures(sql, dates.asOf, dates.period, scope, by),
    directoryNames(sql),
  ]);
  const redCards = (row: RankingRow) => supervision.get((by === 'department' ? row.departmentId : row.regionCode) ?? '')?.redCards ?? 0;
  return keys.map((key) => {
    const { name, nameEn } = indicatorDefinition(key);
    const entries = [...groups].map(([id, results]) => ({ id, result: results.find((r) => r.key === key)! }));
    const rows = rankRows(entries, by).map((row) => ({ ...withNames(names, row), redCards: redCards(row) }));
    return { indicator: { key, name, nameEn }, by, asOf: dates.asOf, period: dates.period, rows };
  });
}
