import type { ApplicationChannel, MatterElements } from '@app/matters';
import { toWorkingDays, type WorkingDayCalendar } from '@app/kernel';
import type { Rng } from './rng';
import type { ApplicationStep } from './scenario-plan';
import type { Region } from './shaoxing-city';
import { StepClock } from './step-clock';

export type Fate = 'accepted' | 'pending' | 'rejected';

const SPECIAL_KINDS = ['听证', '专家评审', '检验检测', '现场勘验'];

/**
 * The steps of one application after submission, all on or before `asOf`: intake (supplement,
 * rejection), acceptance, pauses (special procedure, suspension), completion — a few late,
 * some still open on `asOf` — delivery and 好差评.
 */
export function lifecycle(
  rng: Rng,
  calendar: WorkingDayCalendar,
  clock: StepClock,
  fate: Fate,
  matter: MatterElements,
  channel: ApplicationChannel,
  region: Region,
  asOf: string,
): ApplicationStep[] {
  const steps: ApplicationStep[] = [];
  const fits = (workdays: number) => clock.peek(workdays) <= asOf;
  if (fate === 'pending') {
    if (rng.chance(0.5))
      steps.push({ type: 'application.request_supplement', data: { items: ['补充材料：身份证明复印件'], at: clock.later() } });
    return steps;
  }
  const supplementDays = rng.int(1, 4);
  if (rng.chance(fate === 'rejected' ? 0.4 : 0.08) && fits(supplementDays)) {
    steps.push({ type: 'application.request_supplement', data: { items: ['申请材料不齐全，请补正'], at: clock.later() } });
    steps.push({ type: 'application.receive_supplement', data: { at: clock.after(supplementDays) } });
  }
  if (fate === 'rejected') {
    steps.push({ type: 'application.reject', data: { reason: '不属于本机关职权范围', at: clock.later() } });
    return steps;
  }
  steps.push({ type: 'application.accept', data: { at: clock.later() } });
  const promised = toWorkingDays(matter.promisedTimeLimit);
  if (promised > 0 && rng.chance(0.04) && fits(2)) {
    steps.push({ type: 'application.start_special_procedure', data: { kind: rng.pick(SPECIAL_KINDS), at: clock.after(1) } });
    const length = rng.int(3, 10);
    if (!fits(length)) return steps;
    steps.push({ type: 'application.end_special_procedure', data: { at: clock.after(length) } });
  }
  if (promised > 0 && rng.chance(0.02) && fits(2)) {
    steps.push({ type: 'application.suspend', data: { reason: '申请人申请暂停办理', at: clock.after(1) } });
    const length = rng.int(2, 8);
    if (!fits(length)) return steps;
    steps.push({ type: 'application.resume', data: { at: clock.after(length) } });
  }
  if (promised > 0 && rng.chance(0.003)) return steps; // stuck: never completed, overdue once past the deadline
  const late = promised > 0 && rng.chance(0.05);
  const days = promised === 0 ? 0 : late ? promised + rng.int(1, 5) : rng.int(1, promised);
  if (!fits(days)) return steps;
  const visits = matter.maxVisits === 0 ? (rng.chance(0.005) ? 1 : 0) : rng.int(1, matter.maxVisits);
  steps.push({ type: 'application.complete', data: { outcome: rng.chance(0.97) ? 'approved' : 'denied', visits, at: clock.after(days) } });
  if (rng.chance(0.92)) {
    const method = channel === 'window' ? rng.pick(['window', 'post'] as const) : rng.chance(0.85) ? 'online' : 'post';
    steps.push({ type: 'application.deliver', data: { method, at: fits(1) && rng.chance(0.3) ? clock.after(1) : clock.later() } });
  }
  if (rng.chance(0.65)) {
    const satisfied = 1.05 - region.lag * 0.05;
    const score = rng.chance(satisfied * 0.86) ? 5 : rng.chance(0.7) ? 4 : rng.chance(0.6) ? 3 : rng.chance(0.5) ? 2 : 1;
    steps.push({ type: 'application.evaluate', data: { score, at: clock.later() } });
  }
  return steps;
}
