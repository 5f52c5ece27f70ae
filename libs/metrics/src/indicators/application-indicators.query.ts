import { rows, toCount, type ReadModelReader } from '../shared/read-model-reader';
import type { IndicatorCounts } from './indicator-definitions';
import { groupColumn, scopeFilter, type GroupBy, type Scope } from './scope';

export type ApplicationIndicators = { onlineAcceptanceRate: IndicatorCounts; mobileAcceptanceRate: IndicatorCounts; accepted: number };

/**
 * 网上受理率 and 掌上受理率 over the applications accepted in `from..to` (business dates of
 * acceptance), from the daily counters: the cost depends on days × scopes, not on events.
 */
export async function applicationIndicators(
  reader: ReadModelReader,
  period: { from: string; to: string },
  scope: Scope,
  by?: GroupBy,
): Promise<Map<string, ApplicationIndicators>> {
  const params: unknown[] = [period.from, period.to];
  const totals = await rows<{ group_id: string; accepted: string; online: string; mobile: string }>(
    reader,
    `SELECT ${groupColumn(by)} AS group_id,
       coalesce(sum(accepted), 0) AS accepted,
       coalesce(sum(accepted) FILTER (WHERE channel IN ('online', 'mobile')), 0) AS online,
       coalesce(sum(accepted) FILTER (WHERE channel = 'mobile'), 0) AS mobile
     FROM rm_acceptances_daily_v1
     WHERE day BETWEEN $1::date AND $2::date ${scopeFilter(scope, params)}
     GROUP BY 1`,
    params,
  );
  return new Map(
    totals.map((row) => {
      const accepted = toCount(row.accepted);
      return [
        row.group_id,
        {
          accepted,
          onlineAcceptanceRate: { numerator: toCount(row.online), denominator: accepted },
          mobileAcceptanceRate: { numerator: toCount(row.mobile), denominator: accepted },
        },
      ];
    }),
  );
}

export const NO_APPLICATIONS: ApplicationIndicators = {
  accepted: 0,
  onlineAcceptanceRate: { numerator: 0, denominator: 0 },
  mobileAcceptanceRate: { numerator: 0, denominator: 0 },
};
