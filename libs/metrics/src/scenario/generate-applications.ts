import { type ApplicationChannel } from '@app/matters';
import { applicationChannelsFixed } from './application-channels';
import { lifecycle, type Fate } from './application-lifecycle';
import { denominatorFor } from './exact-counts';
import { elementsOn } from './matter-revisions';
import { COMPANY_WORDS, personName } from './names';
import type { Rng } from './rng';
import type { ApplicationPlan, MatterPlan } from './scenario-plan';
import type { Department, Region } from './shaoxing-city';
import { StepClock } from './step-clock';
import { datesFromTo, type WorkingDayCalendar } from '@app/kernel';

export interface ApplicationTargets {
  count: number;
  from: string;
  asOf: string;
  /** 网上受理率 to hit exactly, percent with two decimals (null: as drawn) */
  onlineAcceptance: number | null;
}

/**
 * `count` applications submitted on working days `from..asOf` for matters in force all year,
 * more for the busy departments. Fates: a few still pending intake on `asOf`, some rejected at
 * intake, the rest accepted — as many as lets 网上受理率 be hit exactly.
 */
export function generateApplications(
  rng: Rng,
  calendar: WorkingDayCalendar,
  matters: MatterPlan[],
  regions: readonly Region[],
  departments: readonly Department[],
  targets: ApplicationTargets,
): ApplicationPlan[] {
  const open = matters.filter((matter) => matter.publish && matter.statusChanges.length === 0);
  const cumulative = cumulate(open.map((matter) => departments.find((d) => d.id === matter.elements.departmentId)!.weight));
  const days = datesFromTo(targets.from, targets.asOf).filter((date) => calendar.isWorkingDay(date));
  const lastDays = days.slice(-5);
  const pending = Math.max(1, Math.round(targets.count * 0.004));
  const accepted =
    targets.onlineAcceptance === null
      ? Math.round(targets.count * 0.962)
      : denominatorFor(targets.onlineAcceptance, Math.round(targets.count * 0.962), targets.count - pending - 1).denominator;
  const fates = rng.shuffle(
    Array.from({ length: targets.count }, (_, i): Fate => (i < accepted ? 'accepted' : i < accepted + pending ? 'pending' : 'rejected')),
  );

  const plans = fates.map((fate, index) => {
    const matter = open[pick(cumulative, rng.next())];
    const region = regions.find((r) => r.code === matter.elements.regionCode)!;
    const date = fate === 'pending' ? rng.pick(lastDays) : rng.pick(days);
    const elements = elementsOn(matter, date);
    const clock = new StepClock(rng, calendar, date);
    const submitAt = clock.at;
    const channel = drawChannel(rng, region, elements.channels);
    return {
      key: `A${String(index + 1).padStart(7, '0')}`,
      matterKey: matter.key,
      channel,
      applicant: applicant(rng, index),
      submitAt,
      steps: lifecycle(rng, calendar, clock, fate, elements, channel, region, targets.asOf),
    };
  });
  if (targets.onlineAcceptance !== null) applicationChannelsFixed(rng, plans, matters, targets.onlineAcceptance);
  return plans;
}

function drawChannel(rng: Rng, region: Region, channels: { online: boolean; mobile: boolean }): ApplicationChannel {
  if (!channels.online || !rng.chance(region.online)) return 'window';
  return channels.mobile && rng.chance(region.mobile / region.online) ? 'mobile' : 'online';
}

function applicant(rng: Rng, index: number) {
  const draw = (max: number) => Math.floor(rng.next() * max);
  if (rng.chance(0.3))
    return {
      kind: 'organisation' as const,
      name: `绍兴${rng.pick(COMPANY_WORDS)}有限公司${index}`,
      idNumber: `91330600MA${String(10_000_000 + index).slice(-8)}`,
    };
  const birth = `${rng.int(1950, 2001)}${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 28)).padStart(2, '0')}`;
  return {
    kind: 'person' as const,
    name: personName(draw),
    idNumber: `3306${String(rng.int(0, 99)).padStart(2, '0')}${birth}${String(rng.int(0, 9999)).padStart(4, '0')}`,
  };
}

function cumulate(weights: number[]): number[] {
  let sum = 0;
  return weights.map((weight) => (sum += weight));
}

/** binary search of a uniform draw in cumulative weights */
function pick(cumulative: number[], draw: number): number {
  const target = draw * cumulative[cumulative.length - 1];
  let [low, high] = [0, cumulative.length - 1];
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid] > target) high = mid;
    else low = mid + 1;
  }
  return low;
}
