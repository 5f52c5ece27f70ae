import { percentRate } from '../indicators/rate';

/**
 * The numerator nearest `denominator × rate / 100` whose rate rounds (half-up, two decimals) to
 * exactly `rate`, or null when no numerator over this denominator does.
 */
export function numeratorFor(rate: number, denominator: number): number | null {
  const ideal = Math.round((denominator * rate) / 100);
  for (let distance = 0; distance <= 2; distance++)
    for (const candidate of [ideal - distance, ideal + distance])
      if (candidate >= 0 && candidate <= denominator && percentRate(candidate, denominator) === rate) return candidate;
  return null;
}

/**
 * A denominator near `preferred` (searching down first, never above `max`) over which `rate` can be
 * hit exactly, with its numerator. With few items not every denominator can give 81.38%.
 */
export function denominatorFor(rate: number, preferred: number, max: number): { denominator: number; numerator: number } {
  for (let distance = 0; distance <= preferred; distance++)
    for (const denominator of [preferred - distance, preferred + distance]) {
      if (denominator < 1 || denominator > max) continue;
      const numerator = numeratorFor(rate, denominator);
      if (numerator !== null) return { denominator, numerator };
    }
  throw new RangeError(`no denominator up to ${max} gives ${rate}%`);
}
