import type { SqlExecutor } from '@app/event-store';
import { scopeFilter, type Scope } from '../indicators/scope';
import { toCount } from '../shared/to-count';

/**
 * 一件事 submitted in the period (by their business date), up to `asOf`, that have a member in
 * the scope: a bundle of three departments counts once in the city, and once in each department.
 */
export async function bundleApplicationCount(
  sql: SqlExecutor,
  asOf: string,
  period: { from: string; to: string },
  scope: Scope,
): Promise<number> {
  const params: unknown[] = [period.from, period.to, asOf];
  const filter = scopeFilter(scope, params);
  const [row] = await sql.query<{ n: string }>(
    `SELECT count(DISTINCT bundle_application_id) AS n FROM rm_assessment_bundle_members_v1
     WHERE submitted_on BETWEEN $1::date AND $2::date AND submitted_on <= $3::date ${filter}`,
    params,
  );
  return toCount(row?.n ?? 0);
}
