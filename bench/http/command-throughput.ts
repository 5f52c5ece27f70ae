import autocannon = require('autocannon');
import { ApiProcess, startApi } from '../support/api-process';
import { baseTree } from '../support/base-tree';
import { BenchConfig } from '../support/bench-config';
import { log } from '../support/log';
import { figureOf, Outcome } from '../support/stats';
import { withDatabase } from '../support/throwaway-database';
import { BENCH_DEPARTMENT, publishBenchMatter } from './bench-matter';
import { authHeaders, benchToken } from './bench-tokens';
import { submitApplications } from './submitted-applications';

export interface CommandThroughput {
  commandsPerSecond: Outcome;
  p50Ms: Outcome;
  p99Ms: Outcome;
  peakRssMb: number | null;
  notes: string[];
}

/** This tree's figures and, with `--base REF`, the same load on REF's tree in the same run. */
export interface CommandThroughputs {
  ours: CommandThroughput;
  base: CommandThroughput | null;
}

interface Contender {
  label: string;
  api: ApiProcess;
  matterId: string;
  expectedRate: number;
  rates: number[];
  p50: number[];
  p99: number[];
  submitRate: number;
  refused: number;
}

/**
 * Section 2: accept + complete applications over HTTP through the running API (a child process on
 * a throwaway database), autocannon with 32 connections, no pipelining. Each connection takes the
 * next submitted application, accepts it, completes it, and goes on. Only 2xx answers count.
 * With a base tree, both APIs run (each on its own database) and their runs alternate, so the
 * machine's drift falls on both alike.
 */
export async function measureCommandThroughput(config: BenchConfig): Promise<CommandThroughputs> {
  return withDatabase(config.serverUrl, 'http', async (db) => {
    const ours = await startApi(db.url, 'http');
    try {
      if (!config.base) return { ours: (await measure(config, [ours]))[0], base: null };
      const baseBuild = baseTree(config.base);
      return await withDatabase(config.serverUrl, 'http_base', async (baseDb) => {
        const base = await startApi(baseDb.url, 'http-base', {}, baseBuild);
        try {
          const [oursFigures, baseFigures] = await measure(config, [ours, base]);
          return { ours: oursFigures, base: { ...baseFigures, notes: [`The base tree: ${config.base} (${baseBuild.root}).`] } };
        } finally {
          await base.stop();
        }
      });
    } finally {
      await ours.stop();
    }
  });
}

async function measure(config: BenchConfig, apis: ApiProcess[]): Promise<CommandThroughput[]> {
  const headers = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
  const contenders: Contender[] = [];
  for (const [i, api] of apis.entries())
    contenders.push({
      label: i === 0 ? 'ours' : 'base',
      api,
      matterId: await publishBenchMatter(api.baseUrl),
      expectedRate: 400,
      rates: [],
      p50: [],
      p99: [],
      submitRate: 0,
      refused: 0,
    });
  for (let run = 0; run <= config.runs; run++) {
    const seconds = run === 0 ? config.http.warmupSeconds : config.http.seconds;
    for (const c of contenders) {
      // enough stock for this run at the rate seen so far, with a margin; running dry would answer 4xx
      const stock = await submitApplications(c.api.baseUrl, c.matterId, Math.ceil((c.expectedRate * seconds * 1.6) / 2) + 200);
      c.submitRate = Math.max(c.submitRate, stock.perSecond);
      const result = await acceptAndComplete(c.api.baseUrl, headers, stock.ids, config.http.connections, seconds);
      const rate = result['2xx'] / result.duration;
      c.expectedRate = Math.max(c.expectedRate, rate);
      if (run === 0) continue; // warm-up
      c.refused += result.non2xx;
      c.rates.push(rate);
      c.p50.push(result.latency.p50);
      c.p99.push(result.latency.p99);
      log(
        `http ${c.label} run ${run}/${config.runs}: ${Math.round(rate)} commands/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
      );
    }
  }
  return contenders.map((c) => ({
    commandsPerSecond: figureOf(c.rates, 'commands/s'),
    p50Ms: figureOf(c.p50, 'ms'),
    p99Ms: figureOf(c.p99, 'ms'),
    peakRssMb: c.api.peakRssMb(),
    notes: [
      `${config.http.connections} connections, no pipelining, ${config.http.seconds} s per run after a ${config.http.warmupSeconds} s warm-up; autocannon runs in the bench process on the same 2 cores as the API and PostgreSQL.`,
      'Each connection: POST /api/v1/applications/{id}/accept, then …/complete {outcome: approved, visits: 0}, on applications submitted before the run (the submissions are not measured).',
      `Submissions while stocking: up to ${Math.round(c.submitRate)} /s. Non-2xx answers during measured runs: ${c.refused} (excluded from commands/s).`,
      'The API runs compiled (tsc, as `nest build`) with NODE_ENV=production, LOG_LEVEL=warn and the rate limit lifted (one client, many requests on purpose).',
    ],
  }));
}

export function acceptAndComplete(baseUrl: string, headers: Record<string, string>, ids: string[], connections: number, seconds: number) {
  let next = 0;
  return autocannon({
    url: baseUrl,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        headers,
        body: '{}',
        setupRequest: (request, context) => {
          context.id = ids[next++ % ids.length];
          return { ...request, path: `/api/v1/applications/${String(context.id)}/accept` };
        },
      },
      {
        method: 'POST',
        headers,
        body: JSON.stringify({ outcome: 'approved', visits: 0 }),
        setupRequest: (request, context) => ({ ...request, path: `/api/v1/applications/${String(context.id)}/complete` }),
      },
    ],
  });
}
