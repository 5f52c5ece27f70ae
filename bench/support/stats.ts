/** A figure measured several times: its median and spread (min–max and the interquartile range). */
export interface Figure {
  median: number;
  min: number;
  max: number;
  q1: number;
  q3: number;
  runs: number[];
  unit: string;
}

/** A figure that could not be measured, and why (never a made-up number). */
export interface Missing {
  reason: string;
}

export type Outcome = Figure | Missing;

export function isFigure(outcome: Outcome | undefined): outcome is Figure {
  return outcome !== undefined && 'median' in outcome;
}

export function figureOf(runs: readonly number[], unit: string): Figure {
  if (runs.length === 0) throw new Error('a figure needs at least one run');
  const sorted = [...runs].sort((a, b) => a - b);
  return {
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    runs: [...runs],
    unit,
  };
}

/** Linear interpolation between the closest ranks of a sorted sample. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 1) return sorted[0];
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

export function missing(reason: string): Missing {
  return { reason };
}
