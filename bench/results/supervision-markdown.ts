import { isFigure, type Outcome } from '../support/stats';
import type { BenchReport } from './bench-report';
import { WARNINGS_ROUTE } from '../scenario/supervision-measures';
import { SWEEP_DATE } from '../scenario/sweep-timing';
import { formatNumber } from './ratios-and-targets';

/**
 * BENCHMARKS.md's supervision section (issue 12): the warnings route's p99 beside the report
 * routes' at both sizes with the large/small ratio, and the sweep of one business date.
 */
export function supervisionSection(report: BenchReport): string[] {
  const o = report.outcomes;
  const ratioOf = (name: string) => report.ratios.find((r) => r.name === name)?.value;
  const ratio = (name: string) => {
    const value = ratioOf(name);
    return value ? `${formatNumber(value.median)}×` : '–';
  };
  return [
    '## Supervision: warnings beside the reports, and the sweep of one business day',
    '',
    '| p99 (median of the runs, min–max) | small scenario | large scenario | large / small |',
    '|---|---:|---:|---:|',
    `| report routes (worst of the three), the audit trail building beside | ${cell(o['report.p99_ms.small'])} | ${cell(o['report.p99_ms.large'])} | ${ratio('4 large / small report p99, the audit trail building beside')} |`,
    `| report routes, nothing catching up | ${cell(o['report.p99_ms.small'])} | ${cell(o['report.p99_ms.large.quiet'])} | ${ratio('4 large / small report p99, nothing catching up')} |`,
    `| \`GET ${WARNINGS_ROUTE}\` | ${cell(o['warnings.p99_ms.small'])} | ${cell(o['warnings.p99_ms.large'])} | ${ratio('4 large / small warnings p99')} |`,
    '',
    `Warnings against the reports at the large size: ${ratio('4 warnings / report p99, large')} (issue 12 asks for no worse than the assessment report).`,
    '',
    `| sweep of ${SWEEP_DATE} on the large scenario | |`,
    '|---|---:|',
    `| first run (no date swept before on this database) | ${cell(o['sweep.first_s'])} |`,
    `| events it appended | ${cell(o['sweep.first_events'])} |`,
    `| red cards it issued | ${cell(o['sweep.cards_issued'])} |`,
    `| the same date again (must append nothing) | ${cell(o['sweep.repeat_ms'])} |`,
    '',
  ];
}

function cell(outcome: Outcome | undefined): string {
  if (!isFigure(outcome)) return `– (${outcome?.reason ?? 'not run'})`;
  if (outcome.unit === 'events' || outcome.unit === 'cards') return `${Math.round(outcome.median).toLocaleString('en-US')} ${outcome.unit}`;
  const spread = outcome.runs.length > 1 ? ` (${formatNumber(outcome.min)}–${formatNumber(outcome.max)})` : '';
  return `${formatNumber(outcome.median)} ${outcome.unit}${spread}`;
}
