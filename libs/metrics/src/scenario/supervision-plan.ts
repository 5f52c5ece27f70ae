import { toWorkingDays, type WorkingDayCalendar } from '@app/kernel';
import type { AcceptApplication } from '@app/matters';
import { elementsOn } from './matter-revisions';
import type { Rng } from './rng';
import type { ApplicationPlan, MatterPlan } from './scenario-plan';
import { StepClock } from './step-clock';

/**
 * 容缺受理 on a share of the accepted applications with a time limit, without moving any figure of the seed: the
 * acceptance lists the matter's first material as outstanding, due min(5, promised) working days
 * later, and the applicant brings it at the moment of acceptance — before anything else happens on
 * the stream — so no sweep ever suspends it and its deadline and outcome stay as drawn. Only
 * matters with a limit of at least one working day and a material list qualify. Draws from its own
 * `rng`, so the rest of the plan is the same with or without it.
 */
export function deferSomeAcceptances(
  rng: Rng,
  calendar: WorkingDayCalendar,
  plans: ApplicationPlan[],
  matters: MatterPlan[],
  share: number,
) {
  const byKey = new Map(matters.map((matter) => [matter.key, matter]));
  let deferred = 0;
  for (const plan of plans) {
    const index = plan.steps.findIndex((step) => step.type === 'application.accept');
    if (index < 0) continue;
    const elements = elementsOn(byKey.get(plan.matterKey)!, calendar.businessDate(plan.submitAt));
    const promised = toWorkingDays(elements.promisedTimeLimit);
    const material = elements.materials[0]?.name;
    if (promised < 1 || !material || !rng.chance(share)) continue;
    const accept = plan.steps[index] as AcceptApplication;
    const acceptedOn = calendar.businessDate(accept.data.at);
    const deferredDueOn = calendar.addWorkingDays(acceptedOn, Math.min(5, promised));
    plan.steps.splice(
      index,
      1,
      { type: 'application.accept', data: { ...accept.data, deferredMaterials: [material], deferredDueOn } },
      { type: 'application.receive_deferred_materials', data: { at: accept.data.at } },
    );
    deferred += 1;
  }
  return deferred;
}

/**
 * `count` applications accepted 容缺 in November — after the seed's 31 October, so no figure of the
 * seed counts them — whose promised materials never come: the sweep suspends them the working day
 * after the due date and returns them (退件) 15 working days after it. Window applications on
 * matters with a limit of more than 5 working days (the default due date must not pass the deadline).
 */
export function neverBroughtMaterials(
  rng: Rng,
  calendar: WorkingDayCalendar,
  matters: MatterPlan[],
  count: number,
  from: string,
): ApplicationPlan[] {
  const eligible = matters.filter(
    (matter) =>
      matter.publish &&
      matter.statusChanges.length === 0 &&
      toWorkingDays(elementsOn(matter, from).promisedTimeLimit) > 5 &&
      elementsOn(matter, from).materials.length > 0,
  );
  return Array.from({ length: count }, (_, index) => {
    const matter = eligible[rng.int(0, eligible.length - 1)];
    const clock = new StepClock(rng, calendar, calendar.addWorkingDays(from, rng.int(0, 4)));
    const submitAt = clock.at;
    const material = elementsOn(matter, from).materials[0].name;
    return {
      key: `R${String(index + 1).padStart(4, '0')}`,
      matterKey: matter.key,
      channel: 'window' as const,
      applicant: {
        kind: 'organisation' as const,
        name: `绍兴容缺承诺有限公司${index + 1}`,
        idNumber: `91330600MB${String(10_000_000 + index).slice(-8)}`,
      },
      submitAt,
      steps: [{ type: 'application.accept' as const, data: { at: clock.later(), deferredMaterials: [material] } }],
    };
  });
}
