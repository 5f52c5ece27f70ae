import type { SqlExecutor } from '@app/event-store';
import { applicationFigures, type ApplicationFigures } from './application-figures.query';
import type { IndicatorCounts } from './indicator-definitions';
import type { GroupBy, Scope } from './scope';

export type ApplicationIndicators = { onlineAcceptanceRate: IndicatorCounts; mobileAcceptanceRate: IndicatorCounts; accepted: number };

/** 网上受理率 and 掌上受理率 of one group's figures (applications accepted in the period). */
export const toApplicationIndicators = (figures: ApplicationFigures): ApplicationIndicators => ({
  accepted: figures.accepted,
  onlineAcceptanceRate: { numerator: figures.online, denominator: figures.accepted },
  mobileAcceptanceRate: { numerator: figures.mobile, denominator: figures.accepted },
});

/**
 * 网上受理率 and 掌上受理率 over the applications accepted in `from..to` (business dates of
 * acceptance), from the counters: the cost depends on months × scopes, not on events.
 */
export async function applicationIndicators(
  sql: SqlExecutor,
  period: { from: string; to: string },
  scope: Scope,
  by?: GroupBy,
): Promise<Map<string, ApplicationIndicators>> {
  const figures = await applicationFigures(sql, period.to, period, scope, by);
  return new Map([...figures].filter(([, f]) => f.accepted > 0).map(([group, f]) => [group, toApplicationIndicators(f)]));
}

export const NO_APPLICATIONS: ApplicationIndicators = {
  accepted: 0,
  onlineAcceptanceRate: { numerator: 0, denominator: 0 },
  mobileAcceptanceRate: { numerator: 0, denominator: 0 },
};
