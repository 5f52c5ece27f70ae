import { writeFileSync } from 'node:fs';
import { isFigure, Outcome } from '../support/stats';
import { BenchReport } from './bench-report';
import { formatNumber } from './ratios-and-targets';
import { RESULT_KEYS, RESULT_LABELS } from './result-keys';
import { HTTP_COMMAND_FINDINGS } from '../http/http-command-findings';
import { READ_OWN_WRITES_FINDINGS } from '../http/read-own-writes-findings';
import { REPORT_AND_REBUILD_FINDINGS } from '../scenario/report-rebuild-findings';
import { SUPERVISION_FINDINGS } from '../scenario/supervision-findings';
import { PROFILE_FINDINGS } from './profile-findings';
import { supervisionSection } from './supervision-markdown';

/** `BENCHMARKS.md`: machine, every figure with its median and spread, every ratio, every target met or missed. */
export function writeBenchmarksMarkdown(path: string, report: BenchReport): void {
  const m = report.machine;
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` on ${m.date} (${report.mode} run, ${formatNumber(report.durationS)} s, commit ${m.commit}).`,
    'Each figure is measured several times, each section on its own throwaway PostgreSQL database; the table gives the',
    'median and the spread (min–max and the interquartile range q1–q3). Machine-readable: `bench/results.json`.',
    '',
    '## Machine',
    '',
    '| | |',
    '|---|---|',
    `| CPUs (nproc) | ${m.cpus} |`,
    `| CPU model | ${m.cpuModel} |`,
    `| memory | ${m.memoryGb} GB |`,
    `| OS | ${m.os} |`,
    `| Node | ${m.node} |`,
    `| PostgreSQL | ${m.postgres}, same machine, 127.0.0.1 |`,
    `| load average (1 min) at start / end | ${m.loadAverage.start} / ${m.loadAverage.end ?? '–'} |`,
    '',
    '## Figures',
    '',
    '| key | what | median | spread min–max | IQR q1–q3 | runs |',
    '|---|---|---:|---|---|---|',
    ...RESULT_KEYS.map((key) => figureRow(key, RESULT_LABELS[key], report.outcomes[key])),
    '',
    '## Ratios',
    '',
    '| ratio | median | spread of the per-run ratios |',
    '|---|---:|---|',
    ...report.ratios.map((r) =>
      r.value
        ? `| ${r.name} | ${formatNumber(r.value.median)}× | ${formatNumber(r.value.min)}–${formatNumber(r.value.max)}× |`
        : `| ${r.name} | – | ${r.reason ?? ''} |`,
    ),
    '',
    '## Targets',
    '',
    '| target | actual (median) | status |',
    '|---|---:|---|',
    ...report.targets.map((t) => `| ${t.target} | ${t.actual} | **${t.status}** |`),
    '',
    '## Append profile (one writer, 300 single-event appends)',
    '',
    '| contender | round trips / append | transactions / append | rows inserted / append | rows updated / append | indexes written | median latency |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...report.appendProfile.map(
      (p) =>
        `| ${p.contender} | ${formatNumber(p.roundTripsPerAppend)} | ${formatNumber(p.transactionsPerAppend)} | ${formatNumber(p.rowsInsertedPerAppend)} | ${formatNumber(p.rowsUpdatedPerAppend)} | ${p.indexesWritten} | ${formatNumber(p.medianLatencyMs)} ms |`,
    ),
    '',
    ...supervisionSection(report),
    ...PROFILE_FINDINGS,
    ...REPORT_AND_REBUILD_FINDINGS,
    ...SUPERVISION_FINDINGS,
    ...HTTP_COMMAND_FINDINGS,
    ...READ_OWN_WRITES_FINDINGS,
    '',
    '## How each section measures',
    '',
    ...Object.entries(report.notes).flatMap(([section, notes]) => [`### ${section}`, '', ...notes.map((n) => `- ${n}`), '']),
    '## Closing note',
    '',
    ...closingNote(report),
    '',
  ];
  writeFileSync(path, lines.join('\n'));
}

function figureRow(key: string, label: string, outcome: Outcome | undefined): string {
  if (!isFigure(outcome)) return `| \`${key}\` | ${label} | null | ${outcome?.reason ?? 'not run'} | | |`;
  const f = outcome;
  return `| \`${key}\` | ${label} | ${formatNumber(f.median)} ${f.unit} | ${formatNumber(f.min)}–${formatNumber(f.max)} | ${formatNumber(f.q1)}–${formatNumber(f.q3)} | ${f.runs.map(formatNumber).join(', ')} |`;
}

function closingNote(report: BenchReport): string[] {
  const missed = report.targets.filter((t) => t.status === 'missed');
  const unmeasured = report.targets.filter((t) => t.status === 'not measured');
  const lines: string[] = [];
  if (missed.length === 0 && unmeasured.length === 0) lines.push('Every target is met in this run.');
  for (const t of missed) lines.push(`- Missed: ${t.target} (${t.actual}). See the profile and the section notes above.`);
  for (const t of unmeasured) lines.push(`- Not measured: ${t.target}; the reason is in the Figures table.`);
  if (report.mode === 'quick')
    lines.push(
      '',
      'This is a `--quick` run (fewer runs, shorter windows, a smaller large scenario): the recorded figures come from the full run.',
    );
  return lines;
}
