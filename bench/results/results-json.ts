import { writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { isFigure } from '../support/stats';
import { BenchReport } from './bench-report';
import { RESULT_KEYS } from './result-keys';

/**
 * `bench/results.json`: the flat keys first, each a median or `null`, then `details` with
 * every run, the spread, and for a `null` the reason it could not be measured.
 */
export async function writeResultsJson(path: string, report: BenchReport): Promise<void> {
  const flat = Object.fromEntries(
    RESULT_KEYS.map((key) => {
      const outcome = report.outcomes[key];
      return [key, isFigure(outcome) ? round(outcome.median) : null];
    }),
  );
  const details = Object.fromEntries(
    RESULT_KEYS.map((key) => {
      const outcome = report.outcomes[key];
      return [key, outcome ?? { reason: 'not run' }];
    }),
  );
  const json = {
    ...flat,
    mode: report.mode,
    machine: report.machine,
    details,
    ratios: report.ratios,
    targets: report.targets,
    appendProfile: report.appendProfile,
    durationS: round(report.durationS),
  };
  // formatted as the repository's prettier would, so `npm run lint` passes on the written file
  const options = (await prettier.resolveConfig(path)) ?? {};
  writeFileSync(path, await prettier.format(JSON.stringify(json), { ...options, filepath: path }));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
