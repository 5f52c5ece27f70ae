import type { MatterElements } from '@app/matters';
import { toWorkingDays } from '@app/kernel';
import type { Rng } from './rng';
import type { MatterPlan } from './scenario-plan';

/**
 * Turns a matter into one that reached its final elements by a revision during the year: the
 * registered version 1 lags (not yet on mobile, one visit, a promised limit, a paper material)
 * and version 2, effective between March and September, brings the final elements.
 */
export function reviseOlder(rng: Rng, matter: MatterPlan): void {
  const final = matter.elements;
  const older: MatterElements = { ...final };
  const options: (() => void)[] = [];
  if (final.channels.mobile) options.push(() => (older.channels = { ...final.channels, mobile: false }));
  if (final.maxVisits === 0) options.push(() => (older.maxVisits = 1));
  if (final.handlingType === 'instant' && final.legalTimeLimit && toWorkingDays(final.legalTimeLimit) >= 3)
    options.push(() => {
      older.handlingType = 'promised';
      older.promisedTimeLimit = { value: Math.min(5, toWorkingDays(final.legalTimeLimit!)), unit: 'workday' };
    });
  if (final.materials.every((material) => material.electronic))
    options.push(() => (older.materials = final.materials.map((material, i) => (i === 0 ? { ...material, electronic: false } : material))));
  if (options.length === 0) return;
  for (const change of rng.sample(options, rng.int(1, Math.min(2, options.length)))) change();

  const changes = Object.fromEntries(
    (Object.keys(final) as (keyof MatterElements)[])
      .filter((key) => JSON.stringify(final[key]) !== JSON.stringify(older[key]))
      .map((key) => [key, final[key]]),
  ) as Partial<MatterElements>;
  const month = rng.int(3, 9);
  const effectiveFrom = `2019-${String(month).padStart(2, '0')}-01`;
  matter.elements = older;
  matter.revisions.push({ at: `2019-${String(month - 1).padStart(2, '0')}-2${rng.int(0, 5)}T16:00:00+08:00`, effectiveFrom, changes });
}

/** The elements in force on `date` (the scenario's matters have at most one revision). */
export function elementsOn(matter: MatterPlan, date: string): MatterElements {
  const revision = matter.revisions[0];
  return revision && revision.effectiveFrom <= date ? { ...matter.elements, ...revision.changes } : matter.elements;
}
