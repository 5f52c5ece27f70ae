import type { SqlExecutor } from '@app/event-store';
import { directoryNames } from '@app/directory';
import { applicationFigures, NO_FIGURES, type ApplicationFigures } from './application-figures.query';
import { NO_APPLICATIONS, toApplicationIndicators } from './application-indicators.query';
import { EIGHTH_INDICATOR_NOTE, INDICATORS, type IndicatorKey } from './indicator-definitions';
import { matterIndicators, NO_MATTERS } from './matter-indicators.query';
import { bundleApplicationCount } from '../bundles/bundle-figures.query';
import { toOperationalFigures, type OperationalFigures } from './operational.query';
import { percentRate } from './rate';
import { supervisionFigures } from '../supervision/supervision-figures.query';
import type { ReportDates } from './report-dates';
import { describeScope, type GroupBy, type Scope, type ScopeDescription } from './scope';

export interface IndicatorResult {
  key: IndicatorKey;
  name: string;
  nameEn: string;
  numerator: number;
  denominator: number;
  /** percent, rounded half-up to two decimals; null when the denominator is 0 */
  rate: number | null;
}

export interface AssessmentReport {
  scope: ScopeDescription;
  asOf: string;
  period: { from: string; to: string };
  indicators: IndicatorResult[];
  operational: OperationalFigures;
  notes: string[];
}

export const REPORT_NOTES = [
  EIGHTH_INDICATOR_NOTE,
  '事项类指标（1–6）按 asOf 当日有效的事项版本计算；办件类指标（7–8）按 from..to 期间受理的办件计算。 Matter-level indicators use the catalogue version in force on asOf; application-level ones count applications accepted from..to.',
  '比率为百分数，四舍五入保留两位小数；分母为 0 时为 null。 Rates are percentages rounded half-up to two decimals; null when the denominator is 0.',
  '运行指标：按时办结率、零跑次办结按期间内办结日期统计；超期在办件按 asOf 当日统计（挂起或特别程序进行中的不计超期）。 Operational figures: completions by completion date in the period; overdue open applications as of asOf, not counting those with an open pause.',
  '好差评与红牌：满意率 = 期间内评价中 4–5 分 / 全部评价；差评 = 期间内 1–2 分评价；差评按期整改率 = 其中在 rectifyDueOn 及 asOf 之前整改的 / 差评；红牌按签发（巡查）日期计入期间，截至 asOf；退件计为已受理，不计办结、不计按时。 Satisfaction: evaluations in the period scored 4–5 / all; bad reviews: scored 1–2; rectified on time: by rectifyDueOn and by asOf / bad reviews; red cards by the sweep date that issued them, in the period up to asOf; returned applications (退件) count as accepted, never as completed or on time.',
];

/** The eight indicators for the scope, or for each department/region of it when `by` is given. */
export async function indicatorsByGroup(
  sql: SqlExecutor,
  dates: ReportDates,
  scope: Scope,
  by?: GroupBy,
): Promise<Map<string, IndicatorResult[]>> {
  return (await groupFigures(sql, dates, scope, by)).indicators;
}

/**
 * Two queries, in parallel: the matters in force on `asOf`, and the application counters (the
 * period's sums and open/overdue on `asOf`) — whatever the number of applications behind them.
 */
async function groupFigures(
  sql: SqlExecutor,
  dates: ReportDates,
  scope: Scope,
  by?: GroupBy,
): Promise<{ indicators: Map<string, IndicatorResult[]>; applications: Map<string, ApplicationFigures> }> {
  const [matters, applications] = await Promise.all([
    matterIndicators(sql, dates.asOf, scope, by),
    applicationFigures(sql, dates.asOf, dates.period, scope, by),
  ]);
  const accepted = [...applications].filter(([, f]) => f.accepted > 0).map(([group]) => group);
  const groups = by ? [...new Set([...matters.keys(), ...accepted])].sort() : [''];
  const indicators = new Map(
    groups.map((group) => {
      const counted = applications.get(group);
      const figures = {
        ...(matters.get(group) ?? NO_MATTERS),
        ...(counted && counted.accepted > 0 ? toApplicationIndicators(counted) : NO_APPLICATIONS),
      };
      return [
        group,
        INDICATORS.map(({ key, name, nameEn }) => {
          const { numerator, denominator } = figures[key];
          return { key, name, nameEn, numerator, denominator, rate: percentRate(numerator, denominator) };
        }),
      ];
    }),
  );
  return { indicators, applications };
}

export async function assessmentReport(sql: SqlExecutor, dates: ReportDates, scope: Scope): Promise<AssessmentReport> {
  const [{ indicators, applications }, supervision, bundles, names] = await Promise.all([
    groupFigures(sql, dates, scope),
    supervisionFigures(sql, dates.asOf, dates.period, scope),
    bundleApplicationCount(sql, dates.asOf, dates.period, scope),
    directoryNames(sql),
  ]);
  const operational = toOperationalFigures(applications.get('') ?? NO_FIGURES, supervision.get(''), bundles);
  return {
    scope: describeScope(scope, names),
    asOf: dates.asOf,
    period: dates.period,
    indicators: indicators.get('')!,
    operational,
    notes: REPORT_NOTES,
  };
}
