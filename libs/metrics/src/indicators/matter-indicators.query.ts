import type { SqlExecutor } from '@app/event-store';
import { toCount } from '../shared/to-count';
import type { IndicatorCounts } from './indicator-definitions';
import { groupColumn, scopeFilter, type GroupBy, type Scope } from './scope';

export type MatterIndicatorKey =
  'onlineAvailability' | 'mobileAvailability' | 'zeroVisitRate' | 'instantRate' | 'timeLimitCompression' | 'electronicMaterialRate';

export type MatterIndicators = Record<MatterIndicatorKey, IndicatorCounts> & { matters: number };

interface Totals {
  group_id: string;
  n: string;
  online: string;
  mobile: string;
  zero_visit: string;
  zero_visit_exempt: string;
  instant: string;
  legal: string;
  promised: string;
  materials: string;
  electronic: string;
}

/**
 * The six matter-level indicators (domain.md) over the matters in force on `asOf`: each matter's
 * last status change on or before that date must be `published` (on a tie the later record), and
 * its version is the one with the latest effective date on or before it (then the higher number).
 * Scope and grouping use the department and region of that version. The projection has worked
 * out those periods (`inForcePeriods`): one row per matter in force, read with one range filter.
 */
export async function matterIndicators(sql: SqlExecutor, asOf: string, scope: Scope, by?: GroupBy): Promise<Map<string, MatterIndicators>> {
  const params: unknown[] = [asOf];
  const filter = scopeFilter(scope, params);
  const totals = await sql.query<Totals>(
    `SELECT ${groupColumn(by)} AS group_id,
       count(*) AS n,
       count(*) FILTER (WHERE online OR exempt_online) AS online,
       count(*) FILTER (WHERE mobile OR exempt_mobile) AS mobile,
       count(*) FILTER (WHERE max_visits = 0) AS zero_visit,
       count(*) FILTER (WHERE exempt_zero_visit AND max_visits > 0) AS zero_visit_exempt,
       count(*) FILTER (WHERE handling_type = 'instant') AS instant,
       coalesce(sum(legal_workdays) FILTER (WHERE legal_workdays IS NOT NULL), 0) AS legal,
       coalesce(sum(promised_workdays) FILTER (WHERE legal_workdays IS NOT NULL), 0) AS promised,
       coalesce(sum(materials_total), 0) AS materials,
       coalesce(sum(materials_electronic), 0) AS electronic
     FROM rm_matter_in_force_v2
     WHERE valid_from <= $1::date AND (valid_to IS NULL OR valid_to > $1::date) ${filter}
     GROUP BY 1`,
    params,
  );
  return new Map(totals.map((row) => [row.group_id, toIndicators(row)]));
}

function toIndicators(row: Totals): MatterIndicators {
  const n = toCount(row.n);
  const legal = toCount(row.legal);
  return {
    matters: n,
    onlineAvailability: { numerator: toCount(row.online), denominator: n },
    mobileAvailability: { numerator: toCount(row.mobile), denominator: n },
    zeroVisitRate: { numerator: toCount(row.zero_visit), denominator: n - toCount(row.zero_visit_exempt) },
    instantRate: { numerator: toCount(row.instant), denominator: n },
    timeLimitCompression: { numerator: legal - toCount(row.promised), denominator: legal },
    electronicMaterialRate: { numerator: toCount(row.electronic), denominator: toCount(row.materials) },
  };
}

export const NO_MATTERS: MatterIndicators = toIndicators({
  group_id: '',
  n: '0',
  online: '0',
  mobile: '0',
  zero_visit: '0',
  zero_visit_exempt: '0',
  instant: '0',
  legal: '0',
  promised: '0',
  materials: '0',
  electronic: '0',
});
