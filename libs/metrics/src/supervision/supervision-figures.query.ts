import type { SqlExecutor } from '@app/event-store';
import { groupColumn, scopeFilter, type GroupBy, type Scope } from '../indicators/scope';
import { toCount } from '../shared/to-count';

/** The supervision figures of one group (department, region, or '' for the whole scope). */
export interface SupervisionFigures {
  /** red cards issued (`issuedOn`) in the period, up to `asOf` */
  redCards: number;
  /** follow-up cases of bad reviews given in the period, rectified on or before `asOf` and by their `rectifyDueOn` */
  rectifiedOnTime: number;
}

export const NO_SUPERVISION: SupervisionFigures = { redCards: 0, rectifiedOnTime: 0 };

/**
 * Cards and on-time rectifications, exact as of `asOf`: a card counts from the date of the sweep
 * that issued it, a rectification from its business date; what is recorded after `asOf` does not
 * count yet. One statement over the two row tables, grouped like the other figures.
 */
export async function supervisionFigures(
  sql: SqlExecutor,
  asOf: string,
  period: { from: string; to: string },
  scope: Scope,
  by?: GroupBy,
): Promise<Map<string, SupervisionFigures>> {
  const params: unknown[] = [period.from, period.to, asOf];
  const filter = scopeFilter(scope, params);
  const rows = await sql.query<{ group_id: string; red_cards: string; on_time: string }>(
    `SELECT ${groupColumn(by)} AS group_id, count(*) AS red_cards, 0 AS on_time
     FROM rm_assessment_red_cards_v1 WHERE issued_on BETWEEN $1::date AND $2::date AND issued_on <= $3::date ${filter} GROUP BY 1
     UNION ALL
     SELECT ${groupColumn(by)}, 0, count(*)
     FROM rm_assessment_feedback_cases_v1 WHERE opened_on BETWEEN $1::date AND $2::date AND opened_on <= $3::date
       AND rectified_on <= $3::date AND rectified_on <= rectify_due_on ${filter} GROUP BY 1`,
    params,
  );
  const groups = new Map<string, SupervisionFigures>();
  for (const row of rows) {
    const figures = groups.get(row.group_id) ?? { ...NO_SUPERVISION };
    figures.redCards += toCount(row.red_cards);
    figures.rectifiedOnTime += toCount(row.on_time);
    groups.set(row.group_id, figures);
  }
  return groups;
}
