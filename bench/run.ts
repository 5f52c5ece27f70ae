/**
 * `npm run bench [-- --quick] [-- --only append,http,scenario,ryw,notify,console,embedded] [-- --base REF]` (or `-- --soak`: the chaos
 * soak alone, bench/soak/chaos-soak.ts): measures the event store against
 * the raw limit and Emmett, the API's command throughput, the scenario's load, rebuild and report
 * latencies and the API's memory, then writes BENCHMARKS.md and bench/results.json (issue 7).
 */
import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { profileAppend } from './append/append-profile';
import { measureAppendThroughput } from './append/append-throughput';
import { emmettStoreContender } from './append/emmett-store.contender';
import { ourStoreContender } from './append/our-store.contender';
import { rawInsertContender } from './append/raw-insert.contender';
import { measureConsoleBudgets } from './console/console-budgets';
import { measureEmbeddedCommands } from './embedded/embedded-commands';
import { measureEmbeddedScenario } from './embedded/embedded-scenario';
import { measureCommandThroughput } from './http/command-throughput';
import { measureNotificationDelivery } from './notify/notification-delivery';
import { measureReadOwnWrites } from './http/read-own-writes';
import { BenchReport } from './results/bench-report';
import { writeBenchmarksMarkdown } from './results/benchmarks-markdown';
import { Outcomes, ratiosOf, targetsOf } from './results/ratios-and-targets';
import { RESULT_KEYS } from './results/result-keys';
import { writeResultsJson } from './results/results-json';
import { measureScenarioSections } from './scenario/scenario-sections';
import { runSoakBench } from './soak/chaos-soak';
import { benchConfig, wanted } from './support/bench-config';
import { log } from './support/log';
import { describeMachine, finishMachine } from './support/machine';
import { figureOf, isFigure, missing } from './support/stats';

async function main(argv: string[]): Promise<void> {
  const started = performance.now();
  const config = benchConfig(argv);
  const machine = await describeMachine(config.serverUrl);
  log(
    `${config.quick ? 'quick' : 'full'} run on ${machine.cpus} × ${machine.cpuModel}, PostgreSQL ${machine.postgres}, load ${machine.loadAverage.start}`,
  );
  const outcomes: Outcomes = {};
  const notes: Record<string, string[]> = {};
  const rss: number[] = [];
  const report: Pick<BenchReport, 'appendProfile'> = { appendProfile: [] };

  if (wanted(config, 'append')) {
    Object.assign(outcomes, await measureAppendThroughput(config));
    for (const [key, open] of [
      ['raw', rawInsertContender],
      ['ours', ourStoreContender],
      ['emmett', emmettStoreContender],
    ] as const)
      report.appendProfile.push(await profileAppend(config.serverUrl, key, open));
    notes['1 Append throughput'] = [
      `Single-event appends with an expected version; writer w fills streams of ${config.append.eventsPerStream} events one after another (first append: no stream). ${config.append.seconds} s per run, runs interleaved across contenders, a pool of as many connections as writers.`,
      'Raw: `INSERT … RETURNING position` of the same columns into a table with only a bigserial key, autocommit. Ours: `PostgresEventStore.append`. Emmett: `getPostgreSQLEventStore(…).appendToStream` with `expectedStreamVersion`.',
    ];
  }

  if (wanted(config, 'http')) {
    try {
      const { ours: http, peer, base } = await measureCommandThroughput(config);
      outcomes['http.commands_per_s'] = http.commandsPerSecond;
      outcomes['http.p50_ms'] = http.p50Ms;
      outcomes['http.p99_ms'] = http.p99Ms;
      if (http.peakRssMb !== null) rss.push(http.peakRssMb);
      outcomes['http.commands_per_s.peer'] = peer.commandsPerSecond;
      outcomes['http.p50_ms.peer'] = peer.p50Ms;
      outcomes['http.p99_ms.peer'] = peer.p99Ms;
      notes['2 Command throughput over HTTP'] = [
        ...http.notes,
        `API peak RSS during section 2: ${http.peakRssMb?.toFixed(0)} MB.`,
        ...peer.notes,
      ];
      if (base) {
        outcomes['http.commands_per_s.base'] = base.commandsPerSecond;
        outcomes['http.p50_ms.base'] = base.p50Ms;
        outcomes['http.p99_ms.base'] = base.p99Ms;
        notes['2 Command throughput over HTTP'].push(...base.notes);
      }
    } catch (error) {
      const reason = `the HTTP run failed: ${(error as Error).message}`;
      for (const key of RESULT_KEYS.filter((k) => k.startsWith('http.'))) outcomes[key] = missing(reason);
    }
  }

  if (wanted(config, 'scenario')) {
    const scenario = await measureScenarioSections(config);
    outcomes['scenario.load_s'] = scenario.loadS;
    outcomes['rebuild.events_per_s'] = scenario.rebuildEventsPerSecond;
    outcomes['rebuild.read_limit_events_per_s'] = scenario.readLimitEventsPerSecond;
    outcomes['report.p99_ms.small'] = scenario.reportP99Small;
    outcomes['report.p99_ms.large'] = scenario.reportP99Large;
    outcomes['report.p99_ms.large.quiet'] = scenario.reportP99LargeQuiet;
    outcomes['warnings.p99_ms.small'] = scenario.supervision.warningsP99Small;
    outcomes['warnings.p99_ms.large'] = scenario.supervision.warningsP99Large;
    outcomes['sweep.first_s'] = scenario.supervision.sweepFirstS;
    outcomes['sweep.first_events'] = scenario.supervision.sweepFirstEvents;
    outcomes['sweep.cards_issued'] = scenario.supervision.sweepCardsIssued;
    outcomes['sweep.repeat_ms'] = scenario.supervision.sweepRepeatMs;
    rss.push(...scenario.apiPeakRssMb);
    notes['3–4 Scenario load, projection rebuild, report latency'] = scenario.notes;
  }

  if (wanted(config, 'ryw')) {
    try {
      const ryw = await measureReadOwnWrites(config);
      for (const [suffix, mode] of [
        ['wait', ryw.wait],
        ['nowait', ryw.noWait],
      ] as const) {
        outcomes[`ryw.commands_per_s.${suffix}`] = mode.commandsPerSecond;
        outcomes[`ryw.get_p50_ms.${suffix}`] = mode.getP50Ms;
        outcomes[`ryw.get_p99_ms.${suffix}`] = mode.getP99Ms;
      }
      notes["6 Reading one's own writes"] = ryw.notes;
    } catch (error) {
      const reason = `the read-your-writes run failed: ${(error as Error).message}`;
      for (const key of RESULT_KEYS.filter((k) => k.startsWith('ryw.'))) outcomes[key] = missing(reason);
    }
  }

  if (wanted(config, 'notify')) {
    try {
      const notify = await measureNotificationDelivery(config);
      outcomes['notify.commands_per_s.none'] = notify.commandsPerSecondNone;
      outcomes['notify.commands_per_s.three'] = notify.commandsPerSecondThree;
      outcomes['notify.deliveries_per_s'] = notify.deliveriesPerSecond;
      outcomes['notify.lag_p50_ms'] = notify.lagP50Ms;
      outcomes['notify.lag_p99_ms'] = notify.lagP99Ms;
      notes['7 Notifications'] = notify.notes;
    } catch (error) {
      const reason = `the notifications run failed: ${(error as Error).message}`;
      for (const key of RESULT_KEYS.filter((k) => k.startsWith('notify.'))) outcomes[key] = missing(reason);
    }
  }

  if (wanted(config, 'console')) {
    try {
      const consoleBudgets = await measureConsoleBudgets(config);
      outcomes['console.first_page_js_kb'] = consoleBudgets.firstPageJsKb;
      outcomes['console.first_chart_ms'] = consoleBudgets.firstChartMs;
      notes['8 The console'] = consoleBudgets.notes;
    } catch (error) {
      const reason = `the console run failed: ${(error as Error).message}`;
      for (const key of RESULT_KEYS.filter((k) => k.startsWith('console.'))) outcomes[key] = missing(reason);
    }
  }

  if (wanted(config, 'embedded')) {
    const section = '9 The embedded default (PGlite)';
    notes[section] = [];
    try {
      const commands = await measureEmbeddedCommands(config);
      outcomes['embedded.submissions_per_s'] = commands.embeddedPerSecond;
      outcomes['embedded.p99_ms'] = commands.embeddedP99Ms;
      outcomes['embedded.submissions_per_s.server'] = commands.serverPerSecond;
      outcomes['embedded.p99_ms.server'] = commands.serverP99Ms;
      notes[section].push(...commands.notes);
    } catch (error) {
      const reason = `the embedded submissions run failed: ${(error as Error).message}`;
      for (const key of [
        'embedded.submissions_per_s',
        'embedded.p99_ms',
        'embedded.submissions_per_s.server',
        'embedded.p99_ms.server',
      ] as const)
        outcomes[key] = missing(reason);
    }
    try {
      const scenario = await measureEmbeddedScenario(config);
      outcomes['embedded.scenario_s'] = figureOf([scenario.totalS], 's');
      notes[section].push(...scenario.notes);
    } catch (error) {
      outcomes['embedded.scenario_s'] = missing(`the embedded scenario run failed: ${(error as Error).message}`);
    }
  }

  outcomes['api.peak_rss_mb'] =
    rss.length > 0 ? figureOf([Math.max(...rss)], 'MB') : missing('the API did not run (sections 2 and 3 were not measured)');
  notes['5 Memory'] = [
    `The API process's kernel high-water mark (VmHWM), read at the end of each phase it ran in: ${rss.map((v) => `${v.toFixed(0)} MB`).join(', ') || 'none'}; the figure is the largest.`,
  ];
  for (const key of RESULT_KEYS) outcomes[key] ??= missing(`not run (--only ${[...(config.only ?? [])].join(',')})`);

  const ratios = ratiosOf(outcomes);
  const full: BenchReport = {
    mode: config.quick ? 'quick' : 'full',
    machine: finishMachine(machine),
    outcomes,
    ratios,
    targets: targetsOf(outcomes, ratios),
    appendProfile: report.appendProfile,
    notes,
    durationS: (performance.now() - started) / 1000,
  };
  // a partial run (--only) must not overwrite the recorded figures: it writes under bench/tmp
  const out = config.only ? resolve(__dirname, 'tmp') : resolve(__dirname, '..');
  mkdirSync(out, { recursive: true });
  await writeResultsJson(resolve(out, config.only ? 'results.json' : 'bench/results.json'), full);
  writeBenchmarksMarkdown(resolve(out, 'BENCHMARKS.md'), full);
  printSummary(full, out);
}

function printSummary(report: BenchReport, out: string): void {
  console.log(
    `\n${report.mode} bench in ${report.durationS.toFixed(0)} s (load average ${report.machine.loadAverage.start} → ${report.machine.loadAverage.end})`,
  );
  for (const key of RESULT_KEYS) {
    const o = report.outcomes[key];
    console.log(
      `${key.padEnd(22)} ${isFigure(o) ? `${o.median.toFixed(1)} ${o.unit}  (min–max ${o.min.toFixed(1)}–${o.max.toFixed(1)}, n=${o.runs.length})` : `null — ${o?.reason}`}`,
    );
  }
  for (const r of report.ratios) console.log(`${r.name.padEnd(48)} ${r.value ? `${r.value.median.toFixed(2)}×` : '–'}`);
  for (const t of report.targets) console.log(`${t.status.padEnd(13)} ${t.target} (${t.actual})`);
  console.log(`\nwrote BENCHMARKS.md and results.json under ${out}`);
}

const argv = process.argv.slice(2);
(argv.includes('--soak') ? runSoakBench().then((passed) => process.exit(passed ? 0 : 1)) : main(argv)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
