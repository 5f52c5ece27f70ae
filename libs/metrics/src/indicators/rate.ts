/**
 * A ratio as a percentage rounded half-up to two decimals (99.37), or null when the denominator
 * is 0 (domain.md). Integer arithmetic, so 0.99365 → 99.37 is not lost to binary fractions.
 */
export function percentRate(numerator: number, denominator: number): number | null {
  if (denominator === 0) return null;
  if (numerator < 0 || denominator < 0) throw new RangeError('counts are never negative');
  const hundredths = Math.floor((2 * numerator * 10_000 + denominator) / (2 * denominator));
  return hundredths / 100;
}
