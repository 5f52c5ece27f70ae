import { QUALITY_ISSUE_CATEGORY_CODES } from '@app/audit';
import { ISSUE_NOTES } from './names';
import type { Rng } from './rng';
import type { IssuePlan, IssueStep, MatterPlan } from './scenario-plan';
import type { Department, Region } from './shaoxing-city';
import { StepClock } from './step-clock';
import { addDays, datesFromTo, type WorkingDayCalendar } from '@app/kernel';

export interface IssueTargets {
  found: number;
  closed: number;
  asOf: string;
}

/**
 * The quality check (质量检查): `found` problem matters, one issue each, more where regions and
 * departments lag; `closed` of them through the whole loop (交办 → 整改 → 复核 → 销号), some only
 * after a failed verification and a few reopened and closed again; the rest open in some state.
 */
export function generateIssues(
  rng: Rng,
  calendar: WorkingDayCalendar,
  matters: MatterPlan[],
  regions: readonly Region[],
  departments: readonly Department[],
  targets: IssueTargets,
): IssuePlan[] {
  const inForce = matters.filter((matter) => matter.publish && !matter.statusChanges.some((change) => change.type === 'matter.retire'));
  const lag = (matter: MatterPlan) =>
    regions.find((r) => r.code === matter.elements.regionCode)!.lag * departments.find((d) => d.id === matter.elements.departmentId)!.lag;
  const chosen = rng.sample(inForce, targets.found, lag);
  const workdays = (from: string, to: string) => datesFromTo(from, to).filter((date) => calendar.isWorkingDay(date));
  const early = workdays('2019-03-01', '2019-09-06');
  const late = workdays('2019-09-02', calendarBefore(targets.asOf));

  return chosen.map((matter, index) => {
    const closed = index < targets.closed;
    const clock = new StepClock(rng, calendar, closed ? rng.pick(early) : rng.pick(late));
    const at = clock.at;
    const steps: IssueStep[] = [];
    const loop = (failures: number) => {
      steps.push({ type: 'assign', at: clock.after(rng.int(0, 2)) });
      for (let i = 0; i <= failures; i++) {
        steps.push({ type: 'rectify', at: clock.after(rng.int(2, 6)), note: ISSUE_NOTES.rectified });
        steps.push(
          i < failures
            ? { type: 'verify', at: clock.after(rng.int(1, 2)), passed: false, comment: ISSUE_NOTES.failed }
            : { type: 'verify', at: clock.after(rng.int(1, 2)), passed: true },
        );
      }
    };
    if (closed) {
      loop(rng.chance(0.12) ? 1 : 0);
      if (rng.chance(0.01)) {
        steps.push({ type: 'reopen', at: clock.after(rng.int(1, 3)), reason: ISSUE_NOTES.reopened });
        steps.push({ type: 'rectify', at: clock.after(rng.int(1, 3)), note: ISSUE_NOTES.rectified });
        steps.push({ type: 'verify', at: clock.after(1), passed: true });
      }
    } else openSteps(rng, clock, steps, targets.asOf);
    return {
      key: `Q${String(index + 1).padStart(4, '0')}`,
      matterKey: matter.key,
      category: rng.weighted(QUALITY_ISSUE_CATEGORY_CODES, (code) =>
        code === 'elements_irregular' ? 5 : code === 'materials_unclear' ? 4 : 1,
      ),
      description: '质量检查发现事项要素与实施清单不一致，请核实整改',
      at,
      steps,
    };
  });
}

/** An open issue: found only, assigned, rectification awaiting verification, or back after a failed one. */
function openSteps(rng: Rng, clock: StepClock, steps: IssueStep[], asOf: string): void {
  const stage = rng.int(0, 3);
  const fits = (days: number) => clock.peek(days) <= asOf;
  if (stage === 0 || !fits(1)) return;
  steps.push({ type: 'assign', at: clock.after(1) });
  if (stage === 1 || !fits(2)) return;
  steps.push({ type: 'rectify', at: clock.after(2), note: ISSUE_NOTES.rectified });
  if (stage === 2 || !fits(1)) return;
  steps.push({ type: 'verify', at: clock.after(1), passed: false, comment: ISSUE_NOTES.failed });
}

const calendarBefore = (asOf: string): string => addDays(asOf, -3);
