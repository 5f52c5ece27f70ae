import type { SqlExecutor } from '@app/event-store';
import type { ReportDates } from '../indicators/report-dates';
import { supervisionFigures } from '../supervision/supervision-figures.query';

export interface RedCardCounts {
  /** red cards issued in the bulletin's interval (by the date of the sweep that issued them) */
  issued: number;
  /** issued from 1 January through the end of the interval */
  yearToDate: number;
  /** per department with a card this year, by department id */
  byDepartment: { departmentId: string; issued: number; yearToDate: number }[];
}

/** 红牌 of a bulletin: the interval's cards and the year's, by department. */
export async function redCardsByDepartment(
  sql: SqlExecutor,
  interval: { from: string; to: string },
  year: ReportDates,
): Promise<RedCardCounts> {
  const [inInterval, inYear] = await Promise.all([
    supervisionFigures(sql, interval.to, interval, {}, 'department'),
    supervisionFigures(sql, year.asOf, year.period, {}, 'department'),
  ]);
  const byDepartment = [...inYear]
    .filter(([, figures]) => figures.redCards > 0)
    .map(([departmentId, figures]) => ({ departmentId, issued: inInterval.get(departmentId)?.redCards ?? 0, yearToDate: figures.redCards }))
    .sort((a, b) => (a.departmentId < b.departmentId ? -1 : a.departmentId > b.departmentId ? 1 : 0));
  const sum = (counts: number[]) => counts.reduce((total, count) => total + count, 0);
  return {
    issued: sum(byDepartment.map((row) => row.issued)),
    yearToDate: sum(byDepartment.map((row) => row.yearToDate)),
    byDepartment,
  };
}
