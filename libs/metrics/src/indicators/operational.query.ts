import { rows, toCount, type ReadModelReader } from '../shared/read-model-reader';
import { percentRate } from './rate';
import { scopeFilter, type Scope } from './scope';

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
}

const rated = (numerator: number, denominator: number): RatedCount => ({
  numerator,
  denominator,
  rate: percentRate(numerator, denominator),
});

export async function operationalFigures(
  reader: ReadModelReader,
  asOf: string,
  period: { from: string; to: string },
  scope: Scope,
): Promise<OperationalFigures> {
  const p1: unknown[] = [period.from, period.to];
  const [completions] = await rows<{ completed: string; on_time: string; zero_visit: string }>(
    reader,
    `SELECT coalesce(sum(completed), 0) AS completed, coalesce(sum(on_time), 0) AS on_time, coalesce(sum(zero_visit), 0) AS zero_visit
     FROM rm_completions_daily_v1 WHERE day BETWEEN $1::date AND $2::date ${scopeFilter(scope, p1)}`,
    p1,
  );
  const p2: unknown[] = [period.from, period.to];
  const scores = await rows<{ score: number; evaluations: string }>(
    reader,
    `SELECT score, sum(evaluations) AS evaluations FROM rm_evaluations_daily_v1
     WHERE day BETWEEN $1::date AND $2::date ${scopeFilter(scope, p2)} GROUP BY score`,
    p2,
  );
  const p3: unknown[] = [asOf];
  const [open] = await rows<{ open: string; overdue: string }>(
    reader,
    `SELECT count(*) AS open,
       count(*) FILTER (WHERE deadline < $1::date AND (paused_since IS NULL OR paused_since > $1::date)) AS overdue
     FROM rm_applications_v1
     WHERE accepted_on <= $1::date AND (completed_on IS NULL OR completed_on > $1::date) ${scopeFilter(scope, p3)}`,
    p3,
  );
  const byScore = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0 };
  for (const row of scores) byScore[String(row.score) as keyof typeof byScore] = toCount(row.evaluations);
  const total = Object.values(byScore).reduce((sum, count) => sum + count, 0);
  const completed = toCount(completions?.completed);
  return {
    onTimeCompletionRate: rated(toCount(completions?.on_time), completed),
    zeroVisitCompletions: rated(toCount(completions?.zero_visit), completed),
    openApplications: toCount(open?.open),
    overdueOpenApplications: toCount(open?.overdue),
    evaluations: { total, byScore, satisfiedRate: percentRate(byScore['4'] + byScore['5'], total) },
  };
}
