import { allProjections } from '../../apps/api/src/projections/projection-registry';
import { startApi, startProjectionWorker } from '../support/api-process';
import { BenchConfig } from '../support/bench-config';
import { log } from '../support/log';
import { figureOf, missing, Outcome } from '../support/stats';
import { withDatabase } from '../support/throwaway-database';
import { loadScenario, scenarioUnavailable } from './load-scenario';
import { measureReadLimit } from './read-limit';
import { waitUntilQuiet } from './projections-quiet';
import { rebuildInApi, RebuildOverrunError } from './rebuild-in-api';
import { measureReportLatency, RouteLatency, worstP99PerRun } from './report-latency';
import { supervisionOutcomes, type SupervisionOutcomes } from './supervision-outcomes';
import { describeSupervision, measureSupervision, type SupervisionMeasures } from './supervision-measures';

export interface ScenarioOutcomes {
  loadS: Outcome;
  rebuildEventsPerSecond: Outcome;
  /** every event read in log order through the projections' store and driver, parsed, nothing written: the rebuild's limit */
  readLimitEventsPerSecond: Outcome;
  reportP99Small: Outcome;
  reportP99Large: Outcome;
  /** the large size's reports asked again once every projection has caught up (issue 15: the ratio "nothing catching up") */
  reportP99LargeQuiet: Outcome;
  /** the warnings route at both sizes, the sweep on the bulk-loaded one */
  supervision: SupervisionOutcomes;
  /** the API's peak RSS while it rebuilt each scenario (section 4 asks a serving-only API beside a projection worker) */
  apiPeakRssMb: number[];
  notes: string[];
}

interface SizeResult {
  load: Awaited<ReturnType<typeof loadScenario>>;
  /** an Error when the projections were not rebuilt in time: the load still counts */
  rebuild: { events: number; rebuilt: string[]; kept: string[]; seconds: number; withBootS: number; eventsPerSecond: number } | Error;
  /** read after the rebuild, nothing else running on the database */
  readLimit: Awaited<ReturnType<typeof measureReadLimit>>;
  latency: ReportsBesideWorker | Error;
  apiPeakRssMb: number | null;
}

/**
 * Sections 3 and 4 on the 2019 scenario, each size on its own throwaway database: load it through
 * the scenario CLI, rebuild every projection in the API, then ask the report routes. The small
 * size gives `report.p99_ms.small`; the large one (full run) the load time, the rebuild rate and
 * `report.p99_ms.large`. In --quick the large one is a small bulk-loaded one (so the sweep runs).
 */
export async function measureScenarioSections(config: BenchConfig): Promise<ScenarioOutcomes> {
  const unavailable = await scenarioUnavailable();
  if (unavailable) return allMissing(unavailable);
  const { small: smallSize, large: largeSize } = config.scenario;
  const small = await oneSize(config, 'small', smallSize).catch((error: Error) => error);
  const large =
    largeSize === null
      ? new Error('--quick loads only the small scenario')
      : small instanceof Error
        ? new Error(`not tried: the small scenario failed (${small.message})`)
        : await oneSize(config, 'large', largeSize).catch((error: Error) => error);
  const notes = [...describe('small', smallSize, small), ...(largeSize === null ? [] : describe('large', largeSize, large))];
  // "the scenario" of sections 3: the large one, or in --quick the only one
  const main = largeSize === null ? small : large;
  const rebuilt = (r: SizeResult | Error) => (r instanceof Error || r.rebuild instanceof Error ? null : r.rebuild);
  // the scenario whose rebuild is reported (the main one, else the small one), and whose read limit goes with it
  const rebuildSource = rebuilt(main) || !rebuilt(small) ? main : small;
  const rebuildFrom = rebuilt(rebuildSource);
  if (rebuildFrom && rebuildSource !== main)
    notes.push(`rebuild.events_per_s was measured on the small scenario (${rebuildFrom.events} events): the large one was not rebuilt.`);
  notes.push(
    'Rebuild: every projection reset to position 0 (checkpoint and tables, as `projections rebuild` does; the audit trail refuses by design and stays), then the API started and rebuilds them all at once; timed from the first committed batch until every projection is live at the last event (flatters a small store by at most one batch of 5,000 events). Measured once per size.',
    `Report latency: each route asked one request after another for ${config.report.secondsPerRoute} s on 1 connection, ${config.runs} runs; the figure is the worst route's p99 per run. ` +
      'Asked of an API serving only (RUN_PROJECTIONS=false) beside a `projections run` worker, started after the rebuild: after the bulk import the worker is still building the audit trail (never rebuilt, first built here) while the reports are asked. ' +
      'On the bulk-loaded size the same routes are asked again, the same way, once every projection is live at the last event (after the sweep): `report.p99_ms.large.quiet`, the figure with nothing catching up.',
  );
  return {
    loadS: !(main instanceof Error) ? figureOf([main.load.loadS], 's') : missing(main.message),
    rebuildEventsPerSecond: rebuildFrom ? figureOf([rebuildFrom.eventsPerSecond], 'events/s') : missing(reasonOf(main)),
    readLimitEventsPerSecond: readLimitOf(rebuildSource),
    reportP99Small: latencyOutcome(small),
    reportP99Large: latencyOutcome(large),
    reportP99LargeQuiet: quietLatencyOutcome(large),
    supervision: supervisionOutcomes(supervisionOf(small), supervisionOf(large)),
    apiPeakRssMb: [small, large].flatMap((r) => (r instanceof Error || r.apiPeakRssMb === null ? [] : [r.apiPeakRssMb])),
    notes,
  };
}

async function oneSize(config: BenchConfig, label: string, applications: number): Promise<SizeResult> {
  return withDatabase(config.serverUrl, `scenario_${label}`, async (db) => {
    log(`scenario ${label}: loading ${applications} applications`);
    // the large scenario through the bulk import (1,000,000 applications one command per round trip take hours)
    const load = await loadScenario(db.url, applications, config.scenario.loadBudgetS, label === 'large');
    const rebuild = await rebuildInApi(db.url, label, config.scenario.rebuildBudgetS).catch((error: Error) => error);
    if (rebuild instanceof Error) {
      const apiPeakRssMb = rebuild instanceof RebuildOverrunError ? rebuild.peakRssMb : null;
      return { load, rebuild, readLimit: await measureReadLimit(db.url), latency: rebuild, apiPeakRssMb };
    }
    const apiPeakRssMb = rebuild.api.peakRssMb();
    await rebuild.api.stop();
    const readLimit = await measureReadLimit(db.url);
    log(
      `scenario ${label}: read limit ${Math.round(readLimit.eventsPerSecond)} events/s (${readLimit.events} events in ${readLimit.seconds.toFixed(1)} s)`,
    );
    // the sweep on the bulk-loaded size: the handler path's supervision stage swept every 2019 date already
    const latency = await reportsBesideWorker(db.url, label, config, load.bulk).catch((error: Error) => error);
    return { load, rebuild, readLimit, latency, apiPeakRssMb };
  });
}

/**
 * Section 4 in the production split: an API serving only (RUN_PROJECTIONS=false) and `projections
 * run` beside it, as after a deployment. The worker carries on whatever is still catching up (after
 * a bulk import: the audit trail, which is never rebuilt) without holding the API's requests.
 */
async function reportsBesideWorker(databaseUrl: string, label: string, config: BenchConfig, sweep: boolean): Promise<ReportsBesideWorker> {
  const worker = await startProjectionWorker(databaseUrl, label, allProjections.length);
  try {
    const api = await startApi(databaseUrl, `reports-${label}`, { RUN_PROJECTIONS: 'false' });
    try {
      const routes = await measureReportLatency(api.baseUrl, config.runs, config.report.secondsPerRoute);
      const supervision = await measureSupervision(api.baseUrl, databaseUrl, config, sweep).catch((error: Error) => error);
      const quietRoutes = sweep ? await reportsWhenQuiet(api.baseUrl, databaseUrl, config).catch((error: Error) => error) : null;
      return { routes, quietRoutes, supervision, servingApiRssMb: api.peakRssMb(), workerRssMb: worker.peakRssMb() };
    } finally {
      await api.stop();
    }
  } finally {
    await worker.stop();
  }
}

/** The report routes once every projection has caught up (the worker idle beside the API): nothing catching up. */
async function reportsWhenQuiet(
  baseUrl: string,
  databaseUrl: string,
  config: BenchConfig,
): Promise<{ routes: RouteLatency[]; waitedS: number }> {
  const quiet = await waitUntilQuiet(databaseUrl, config.scenario.rebuildBudgetS);
  if (!quiet.quiet)
    throw new Error(
      `still catching up after ${quiet.waitedS.toFixed(0)} s: ${quiet.behind.map((b) => `${b.id} ${b.events} behind`).join(', ')}`,
    );
  return { routes: await measureReportLatency(baseUrl, config.runs, config.report.secondsPerRoute), waitedS: quiet.waitedS };
}

interface ReportsBesideWorker {
  routes: RouteLatency[];
  /** asked again with nothing catching up (the bulk-loaded size only; null on the other) */
  quietRoutes: { routes: RouteLatency[]; waitedS: number } | Error | null;
  /** the warnings route (and on the bulk-loaded size the sweep), asked after the reports */
  supervision: SupervisionMeasures | Error;
  /** peak RSS of the two processes of section 4 (not section 5's figure: that is the API rebuilding) */
  servingApiRssMb: number;
  workerRssMb: number;
}

function describe(label: string, size: number, result: SizeResult | Error): string[] {
  if (result instanceof Error) return [`${label} scenario (${size} applications): not measured — ${result.message}`];
  const { load, rebuild } = result;
  if (rebuild instanceof Error)
    return [
      `${label} scenario: ${load.applications} applications, loaded in ${load.loadS.toFixed(1)} s; not rebuilt: ${rebuild.message}; ` +
        `API peak RSS until then ${result.apiPeakRssMb?.toFixed(0) ?? '?'} MB.`,
    ];
  return [
    `${label} scenario: ${load.applications} applications, loaded in ${load.loadS.toFixed(1)} s ` +
      (load.bulk
        ? `(applications through the bulk import: the same deciders, many streams per round trip; ${load.totalS.toFixed(1)} s for the loader process, which runs no projections; loader peak RSS ${load.peakRssMb?.toFixed(0) ?? '?'} MB); `
        : `through the command handlers (${load.totalS.toFixed(1)} s until the loader's own projections caught up; loader peak RSS ${load.peakRssMb?.toFixed(0) ?? '?'} MB); `) +
      `${rebuild.events} events; ${rebuild.rebuilt.length} projections rebuilt by the API in ${rebuild.seconds.toFixed(1)} s (${rebuild.withBootS.toFixed(1)} s from spawning it) ` +
      `(${Math.round(rebuild.eventsPerSecond)} store events/s, ${Math.round(rebuild.eventsPerSecond * rebuild.rebuilt.length)} projection-events/s; ` +
      `kept as they were: ${rebuild.kept.join(', ') || 'none'}); API peak RSS ${result.apiPeakRssMb?.toFixed(0) ?? '?'} MB. ` +
      `The read limit: ${result.readLimit.events} events read through \`PostgresEventStore.readAll\` in windows of 5,000, data parsed, nothing written, in ${result.readLimit.seconds.toFixed(1)} s (${Math.round(result.readLimit.eventsPerSecond)} events/s).`,
    ...(result.latency instanceof Error
      ? [`${label} · report routes: ${result.latency.message}`]
      : [
          ...result.latency.routes.map((r) => `${label} · GET ${r.route}: p50 ${r.p50.join(', ')} ms · p99 ${r.p99.join(', ')} ms`),
          ...describeQuiet(label, result.latency.quietRoutes),
          ...(result.latency.supervision instanceof Error
            ? [`${label} · supervision: ${result.latency.supervision.message}`]
            : describeSupervision(label, result.latency.supervision)),
          `${label} · peak RSS while the reports were asked: serving API ${result.latency.servingApiRssMb.toFixed(0)} MB, projection worker ${result.latency.workerRssMb.toFixed(0)} MB.`,
        ]),
  ];
}

function readLimitOf(result: SizeResult | Error): Outcome {
  if (result instanceof Error) return missing(result.message);
  return figureOf([result.readLimit.eventsPerSecond], 'events/s');
}

function latencyOutcome(result: SizeResult | Error): Outcome {
  if (result instanceof Error) return missing(result.message);
  if (result.latency instanceof Error) return missing(`the report routes could not be measured: ${result.latency.message}`);
  return figureOf(worstP99PerRun(result.latency.routes), 'ms');
}

function describeQuiet(label: string, quiet: ReportsBesideWorker['quietRoutes']): string[] {
  if (quiet === null) return [];
  if (quiet instanceof Error) return [`${label} · report routes with nothing catching up: not measured — ${quiet.message}`];
  return [
    `${label} · the same routes once every projection was live (waited ${quiet.waitedS.toFixed(0)} s after the sweep):`,
    ...quiet.routes.map((r) => `${label} · quiet · GET ${r.route}: p50 ${r.p50.join(', ')} ms · p99 ${r.p99.join(', ')} ms`),
  ];
}

function quietLatencyOutcome(result: SizeResult | Error): Outcome {
  if (result instanceof Error) return missing(result.message);
  if (result.latency instanceof Error) return missing(`the report routes could not be measured: ${result.latency.message}`);
  const quiet = result.latency.quietRoutes;
  if (quiet === null) return missing('not bulk-loaded: its reports were asked with nothing catching up already');
  if (quiet instanceof Error) return missing(quiet.message);
  return figureOf(worstP99PerRun(quiet.routes), 'ms');
}

function supervisionOf(result: SizeResult | Error): SupervisionMeasures | Error {
  if (result instanceof Error) return result;
  if (result.latency instanceof Error) return new Error(`the report routes could not be measured: ${result.latency.message}`);
  return result.latency.supervision;
}

function reasonOf(result: SizeResult | Error): string {
  if (result instanceof Error) return result.message;
  return result.rebuild instanceof Error ? result.rebuild.message : '';
}

function allMissing(reason: string): ScenarioOutcomes {
  const m = missing(reason);
  return {
    loadS: m,
    rebuildEventsPerSecond: m,
    readLimitEventsPerSecond: m,
    reportP99Small: m,
    reportP99Large: m,
    reportP99LargeQuiet: m,
    supervision: supervisionOutcomes(new Error(reason), new Error(reason)),
    apiPeakRssMb: [],
    notes: [reason],
  };
}
