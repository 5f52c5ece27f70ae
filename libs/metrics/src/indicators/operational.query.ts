import type { SqlExecutor } from '@app/event-store';
import { bundleApplicationCount } from '../bundles/bundle-figures.query';
import { NO_SUPERVISION, supervisionFigures, type SupervisionFigures } from '../supervision/supervision-figures.query';
import { applicationFigures, NO_FIGURES, type ApplicationFigures } from './application-figures.query';
import { percentRate } from './rate';
import type { Scope } from './scope';

export interface RatedCount {
  numerator: number;
  denominator: number;
  rate: number | null;
}

/** The figures window supervisors need beside the eight indicators (not assessed). */
export interface OperationalFigures {
  /** 按时办结率: completions in the period on or before their deadline / all completions in the period */
  onTimeCompletionRate: RatedCount;
  /** completions in the period that took no in-person visit / all completions in the period */
  zeroVisitCompletions: RatedCount;
  /** accepted on or before `asOf`, not completed by then */
  openApplications: number;
  /** of those, past their deadline on `asOf` (not while a pause is open) */
  overdueOpenApplications: number;
  /** 好差评 given in the period: score 5 非常满意 … 1 非常不满意 */
  evaluations: { total: number; byScore: Record<'1' | '2' | '3' | '4' | '5', number>; satisfiedRate: number | null };
  /** 满意率: evaluations in the period with score ≥ 4 (满意, 非常满意) / all evaluations in the period */
  satisfactionRate: RatedCount;
  /** 差评: evaluations in the period with score ≤ 2 */
  badReviews: number;
  /** 差评按期整改率: bad reviews of the period whose case was rectified by its rectifyDueOn (and by asOf) / bad reviews */
  badReviewsRectifiedOnTime: RatedCount;
  /** 红牌: red cards issued in the period (by the sweep's date), up to asOf */
  redCards: number;
  /** 一件事: bundle applications submitted in the period, up to asOf, with a member in the scope */
  bundleApplications: number;
}

const rated = (numerator: number, denominator: number): RatedCount => ({
  numerator,
  denominator,
  rate: percentRate(numerator, denominator),
});

/** The operational figures of one group's application and supervision figures. */
export function toOperationalFigures(
  figures: ApplicationFigures,
  supervision: SupervisionFigures = NO_SUPERVISION,
  bundleApplications = 0,
): OperationalFigures {
  const [s1, s2, s3, s4, s5] = figures.scores;
  const byScore = { '1': s1, '2': s2, '3': s3, '4': s4, '5': s5 };
  const total = s1 + s2 + s3 + s4 + s5;
  return {
    onTimeCompletionRate: rated(figures.onTime, figures.completed),
    zeroVisitCompletions: rated(figures.zeroVisit, figures.completed),
    openApplications: figures.open,
    overdueOpenApplications: figures.overdue,
    evaluations: { total, byScore, satisfiedRate: percentRate(s4 + s5, total) },
    satisfactionRate: rated(s4 + s5, total),
    badReviews: s1 + s2,
    badReviewsRectifiedOnTime: rated(supervision.rectifiedOnTime, s1 + s2),
    redCards: supervision.redCards,
    bundleApplications,
  };
}

export async function operationalFigures(
  sql: SqlExecutor,
  asOf: string,
  period: { from: string; to: string },
  scope: Scope,
): Promise<OperationalFigures> {
  const [figures, supervision, bundles] = await Promise.all([
    applicationFigures(sql, asOf, period, scope),
    supervisionFigures(sql, asOf, period, scope),
    bundleApplicationCount(sql, asOf, period, scope),
  ]);
  return toOperationalFigures(figures.get('') ?? NO_FIGURES, supervision.get(''), bundles);
}
