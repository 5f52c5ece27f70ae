import type { TimeLimit } from '@app/matters';
import { toWorkingDays } from '@app/kernel';
import { percentRate } from '../indicators/rate';
import { numeratorFor } from './exact-counts';
import type { Rng } from './rng';

/** Mutable time limits of one generated matter, before they become elements. */
export interface Limits {
  instant: boolean;
  legal: TimeLimit | null;
  promisedDays: number;
}

const INSTANT_LEGAL: (TimeLimit | null)[] = [
  null,
  { value: 5, unit: 'workday' },
  { value: 10, unit: 'workday' },
  { value: 15, unit: 'workday' },
  { value: 20, unit: 'workday' },
  { value: 20, unit: 'workday' },
  { value: 20, unit: 'workday' },
  { value: 30, unit: 'workday' },
  { value: 1, unit: 'month' },
];
const PROMISED_LEGAL: TimeLimit[] = [
  { value: 20, unit: 'workday' },
  { value: 20, unit: 'workday' },
  { value: 30, unit: 'workday' },
  { value: 60, unit: 'workday' },
  { value: 3, unit: 'month' },
  { value: 1, unit: 'year' },
];

export function drawLimits(rng: Rng, instant: boolean): Limits {
  if (instant) return { instant, legal: rng.pick(INSTANT_LEGAL), promisedDays: 0 };
  const legal = rng.pick(PROMISED_LEGAL);
  return { instant, legal, promisedDays: Math.min(toWorkingDays(legal), rng.int(2, 12)) };
}

/**
 * Moves promised limits of promised matters by one working day at a time until the pooled
 * compression (Σ legal − Σ promised) / Σ legal rounds to exactly `target` percent.
 */
export function tuneCompression(rng: Rng, all: Limits[], target: number): void {
  const pooled = all.filter((limits) => limits.legal !== null);
  const legal = pooled.reduce((sum, limits) => sum + toWorkingDays(limits.legal!), 0);
  const wanted = numeratorFor(target, legal);
  if (wanted === null) throw new RangeError(`compression ${target}% cannot be hit over ${legal} working days`);
  let promised = pooled.reduce((sum, limits) => sum + limits.promisedDays, 0);
  const adjustable = pooled.filter((limits) => !limits.instant);
  for (let guard = 0; legal - promised !== wanted; guard++) {
    if (guard > 10_000_000) throw new Error('could not tune the time-limit compression');
    const limits = rng.pick(adjustable);
    const up = legal - promised > wanted;
    if (up && limits.promisedDays < Math.min(toWorkingDays(limits.legal!), 20)) {
      limits.promisedDays += 1;
      promised += 1;
    } else if (!up && limits.promisedDays > 1) {
      limits.promisedDays -= 1;
      promised -= 1;
    }
  }
  if (percentRate(legal - promised, legal) !== target) throw new Error('compression tuning failed');
}
