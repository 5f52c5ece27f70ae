import { AppendProfile } from '../append/append-profile';
import { Machine } from '../support/machine';
import { Outcome } from '../support/stats';
import { Outcomes, Ratio, TargetCheck } from './ratios-and-targets';

/** Everything one `npm run bench` produced, for the two writers (results.json, BENCHMARKS.md). */
export interface BenchReport {
  mode: 'quick' | 'full';
  machine: Machine;
  outcomes: Outcomes;
  ratios: Ratio[];
  targets: TargetCheck[];
  appendProfile: AppendProfile[];
  /** how each section measured, and what it saw (sizes, routes, caveats) */
  notes: Record<string, string[]>;
  durationS: number;
}

export type { Outcome };
