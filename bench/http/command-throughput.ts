import autocannon = require('autocannon');
import { ApiProcess, startApi } from '../support/api-process';
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

/**
 * Section 2: accept + complete applications over HTTP through the running API (a child process on
 * a throwaway database), autocannon with 32 connections, no pipelining. Each connection takes the
 * next submitted application, accepts it, completes it, and goes on. Only 2xx answers count.
 */
export async function measureCommandThroughput(config: BenchConfig): Promise<CommandThroughput> {
  return withDatabase(config.serverUrl, 'http', async (db) => {
    const api = await startApi(db.url, 'http');
    try {
      return await measure(config, api);
    } finally {
      await api.stop();
    }
  });
}

async function measure(config: BenchConfig, api: ApiProcess): Promise<CommandThroughput> {
  const matterId = await publishBenchMatter(api.baseUrl);
  const headers = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
  let expectedRate = 400;
  const rates: number[] = [];
  const p50: number[] = [];
  const p99: number[] = [];
  let submitRate = 0;
  let refused = 0;
  for (let run = 0; run <= config.runs; run++) {
    const seconds = run === 0 ? config.http.warmupSeconds : config.http.seconds;
    // enough stock for this run at the rate seen so far, with a margin; running dry would answer 4xx
    const stock = await submitApplications(api.baseUrl, matterId, Math.ceil((expectedRate * seconds * 1.6) / 2) + 200);
    submitRate = Math.max(submitRate, stock.perSecond);
    const result = await acceptAndComplete(api.baseUrl, headers, stock.ids, config.http.connections, seconds);
    const rate = result['2xx'] / result.duration;
    expectedRate = Math.max(expectedRate, rate);
    if (run === 0) continue; // warm-up
    refused += result.non2xx;
    rates.push(rate);
    p50.push(result.latency.p50);
    p99.push(result.latency.p99);
    log(
      `http run ${run}/${config.runs}: ${Math.round(rate)} commands/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
    );
  }
  return {
    commandsPerSecond: figureOf(rates, 'commands/s'),
    p50Ms: figureOf(p50, 'ms'),
    p99Ms: figureOf(p99, 'ms'),
    peakRssMb: api.peakRssMb(),
    notes: [
      `${config.http.connections} connections, no pipelining, ${config.http.seconds} s per run after a ${config.http.warmupSeconds} s warm-up; autocannon runs in the bench process on the same 2 cores as the API and PostgreSQL.`,
      'Each connection: POST /api/v1/applications/{id}/accept, then …/complete {outcome: approved, visits: 0}, on applications submitted before the run (the submissions are not measured).',
      `Submissions while stocking: up to ${Math.round(submitRate)} /s. Non-2xx answers during measured runs: ${refused} (excluded from commands/s).`,
      'The API runs compiled (tsc, as `nest build`) with NODE_ENV=production, LOG_LEVEL=warn and the rate limit lifted (one client, many requests on purpose).',
    ],
  };
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
