import type { TimeLimit, TimeUnit } from './time-limit';

/** Working days per unit of a statutory time limit (domain.md: month = 22, year = 250). */
export const WORKING_DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = { workday: 1, month: 22, year: 250 };

/** A time limit in working days. Throws RangeError for a negative, non-finite value or an unknown unit. */
export function toWorkingDays(limit: TimeLimit): number {
  const perUnit = Object.hasOwn(WORKING_DAYS_PER_UNIT, limit.unit) ? WORKING_DAYS_PER_UNIT[limit.unit] : undefined;
  if (perUnit === undefined) throw new RangeError(`unknown time unit: ${String(limit.unit)}`);
  if (!Number.isFinite(limit.value) || limit.value < 0) throw new RangeError(`time limit must be ≥ 0, got ${limit.value}`);
  return limit.value * perUnit;
}
