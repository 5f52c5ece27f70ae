import { authHeaders, benchToken } from '../http/bench-tokens';
import { BenchConfig } from '../support/bench-config';
import { log } from '../support/log';
import { PostgresSqlClient } from '@app/event-store';
import { waitUntilQuiet, type Quiet } from './projections-quiet';
import { measureReportLatency, type RouteLatency } from './report-latency';
import { SWEEP_DATE, timeSweep, type SweepTiming } from './sweep-timing';

/**
 * Warnings as of the swept date: two weeks after the scenario's last day the applications still
 * open are red, in every size (as of 31 October, the reports' date, the 1,000-application scenario
 * has none).
 */
export const WARNINGS_ROUTE = `/api/v1/supervision/warnings?asOf=${SWEEP_DATE}`;

export interface WarningsLatency {
  latency: RouteLatency;
  /** what the route answered (its counts: the work it does grows with the open applications) */
  warned: { yellow: number; red: number; total: number };
  /** projections not live at the head when the warnings were asked (the audit trail after a bulk import) */
  behind: Quiet['behind'];
}

export interface SupervisionMeasures {
  warnings: WarningsLatency | Error;
  /** the sweep (bulk-loaded sizes only: the handler path already swept every 2019 date in its supervision stage) */
  sweep: { quiet: Quiet; supervisionRows: number; timing: SweepTiming } | Error | null;
}

/**
 * Asked of the serving API beside the projection worker, right after the report routes: the
 * warnings route the same way (sequential requests for a fixed time, several runs); then, when
 * `sweep`, waits until every projection is live at the store's last event (nothing catching up),
 * and times the first sweep of `SWEEP_DATE` and the same date again.
 */
export async function measureSupervision(
  baseUrl: string,
  databaseUrl: string,
  config: BenchConfig,
  sweep: boolean,
): Promise<SupervisionMeasures> {
  const warnings = await measureWarnings(baseUrl, databaseUrl, config).catch((error: Error) => error);
  if (!sweep) return { warnings, sweep: null };
  return { warnings, sweep: await sweepWhenQuiet(baseUrl, databaseUrl, config).catch((error: Error) => error) };
}

async function measureWarnings(baseUrl: string, databaseUrl: string, config: BenchConfig): Promise<WarningsLatency> {
  const probe = await fetch(`${baseUrl}${WARNINGS_ROUTE}`, { headers: authHeaders(benchToken({ roles: ['assessor'] })) });
  if (!probe.ok) throw new Error(`GET ${WARNINGS_ROUTE} → ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
  const body = (await probe.json()) as { counts: { yellow: number; red: number }; total: number };
  if (body.total === 0) throw new Error(`GET ${WARNINGS_ROUTE} answered no warnings: nothing to measure`);
  const { behind } = await waitUntilQuiet(databaseUrl, 0);
  const [latency] = await measureReportLatency(baseUrl, config.runs, config.report.secondsPerRoute, [WARNINGS_ROUTE]);
  return { latency, warned: { ...body.counts, total: body.total }, behind };
}

async function sweepWhenQuiet(baseUrl: string, databaseUrl: string, config: BenchConfig) {
  const quiet = await waitUntilQuiet(databaseUrl, config.scenario.rebuildBudgetS);
  log(
    quiet.quiet
      ? `every projection live after waiting ${quiet.waitedS.toFixed(1)} s`
      : `!!! still catching up after ${quiet.waitedS.toFixed(0)} s, the sweep is timed anyway: ${quiet.behind.map((b) => `${b.id} ${b.events} behind`).join(', ')}`,
  );
  const sql = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  const [{ rows }] = await sql
    .query<{ rows: number }>('SELECT count(*)::int AS rows FROM rm_supervision_applications_v1')
    .finally(() => sql.close());
  const timing = await timeSweep(baseUrl, databaseUrl, config.runs);
  return { quiet, supervisionRows: Number(rows), timing };
}

/** The notes of BENCHMARKS.md for one size. */
export function describeSupervision(label: string, measures: SupervisionMeasures): string[] {
  const { warnings, sweep } = measures;
  const notes =
    warnings instanceof Error
      ? [`${label} · GET ${WARNINGS_ROUTE}: not measured — ${warnings.message}`]
      : [
          `${label} · GET ${warnings.latency.route} (${warnings.warned.yellow} yellow, ${warnings.warned.red} red): ` +
            `p50 ${warnings.latency.p50.join(', ')} ms · p99 ${warnings.latency.p99.join(', ')} ms` +
            (warnings.behind.length > 0
              ? `; asked while catching up: ${warnings.behind.map((b) => `${b.id} (about ${b.events} events behind)`).join(', ')}.`
              : '; nothing was catching up.'),
        ];
  if (sweep === null) return notes;
  if (sweep instanceof Error) return [...notes, `${label} · sweep of ${SWEEP_DATE}: not measured — ${sweep.message}`];
  const { quiet, supervisionRows, timing } = sweep;
  const { first, repeats, discrepancies } = timing;
  const events = Object.entries(first.appended).map(([type, n]) => `${n} ${type}`);
  notes.push(
    `${label} · sweep of ${SWEEP_DATE} (the first sweep of any date on this database; rm_supervision_applications_v1 ${supervisionRows} rows, ` +
      (quiet.quiet
        ? `every projection live at the last event after waiting ${quiet.waitedS.toFixed(1)} s): `
        : `**still catching up after ${quiet.waitedS.toFixed(0)} s: ${quiet.behind.map((b) => `${b.id} ${b.events} behind`).join(', ')}**): `) +
      `${first.seconds.toFixed(2)} s, answered ${JSON.stringify(first.answer)}, appended ${events.join(', ') || 'nothing'}; ` +
      `the same date again: ${repeats.map((r) => `${(r.seconds * 1000).toFixed(0)} ms`).join(', ')}, ` +
      (discrepancies.length === 0
        ? 'each appending nothing and answering the recorded counts.'
        : `**NOT IDEMPOTENT: ${discrepancies.join('; ')}**.`),
  );
  return notes;
}
