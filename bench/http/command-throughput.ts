import autocannon = require('autocannon');
import { ApiProcess, startApi, startEmmettPeer } from '../support/api-process';
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

/** This tree's figures, the Emmett peer's, and with `--base REF` the same load on REF's tree, all in the same run. */
export interface CommandThroughputs {
  ours: CommandThroughput;
  peer: CommandThroughput;
  base: CommandThroughput | null;
}

/** A server under the load: how to stock it with submitted applications (not measured). */
interface Target {
  label: string;
  api: ApiProcess;
  stock(count: number): Promise<{ ids: string[]; perSecond: number }>;
}

interface Contender extends Target {
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
 * The Emmett peer (bench/http/emmett-peer) takes the same load on a database of its own, and so
 * does the base tree's API when there is one; the contenders' runs alternate, so the machine's
 * drift falls on all alike.
 */
export async function measureCommandThroughput(config: BenchConfig): Promise<CommandThroughputs> {
  return withDatabase(config.serverUrl, 'http', (db) =>
    withDatabase(config.serverUrl, 'http_peer', async (peerDb) => {
      const ours = await startApi(db.url, 'http');
      const peer = await startEmmettPeer(peerDb.url).catch(async (error: unknown) => {
        await ours.stop();
        throw error;
      });
      try {
        const targets = [await ourTarget('ours', ours), peerTarget(peer)];
        if (!config.base) {
          const [oursFigures, peerFigures] = await measure(config, targets);
          return { ours: oursFigures, peer: withPeerNotes(peerFigures), base: null };
        }
        const baseBuild = baseTree(config.base);
        return await withDatabase(config.serverUrl, 'http_base', async (baseDb) => {
          const base = await startApi(baseDb.url, 'http-base', {}, baseBuild);
          try {
            const [oursFigures, peerFigures, baseFigures] = await measure(config, [...targets, await ourTarget('base', base)]);
            return {
              ours: oursFigures,
              peer: withPeerNotes(peerFigures),
              base: { ...baseFigures, notes: [`The base tree: ${config.base} (${baseBuild.root}).`] },
            };
          } finally {
            await base.stop();
          }
        });
      } finally {
        await peer.stop();
        await ours.stop();
      }
    }),
  );
}

async function ourTarget(label: string, api: ApiProcess): Promise<Target> {
  const matterId = await publishBenchMatter(api.baseUrl);
  return { label, api, stock: (count) => submitApplications(api.baseUrl, matterId, count) };
}

/** The peer's stock is appended through its store by a route of its own, in one request. */
function peerTarget(api: ApiProcess): Target {
  return {
    label: 'emmett peer',
    api,
    async stock(count) {
      const started = performance.now();
      const response = await fetch(`${api.baseUrl}/bench/stock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count }),
      });
      if (!response.ok) throw new Error(`the Emmett peer's stock: ${response.status} ${await response.text()}`);
      const { ids } = (await response.json()) as { ids: string[] };
      return { ids, perSecond: ids.length / ((performance.now() - started) / 1000) };
    },
  };
}

function withPeerNotes(figures: CommandThroughput): CommandThroughput {
  return {
    ...figures,
    notes: [
      'The peer: the same two routes written Emmett’s web-API way (`samples/webApi/expressjs-with-postgresql`): Express with `express.json()`, a bearer token verified (HS256), the input checked, Emmett’s `CommandHandler` (read the stream, fold, decide with our application decider, append with the expected version) over `@event-driven-io/emmett-postgresql` 0.42 on a database of its own; plain Express, since the registry’s `@event-driven-io/emmett-expressjs` 0.20.0 predates the 0.42 store. Like the sample, it keeps one read model inline (a Pongo document per application, written in the append’s transaction), and no idempotency keys and no audit trail; our API keeps both and 16 read models, asynchronously.',
      `The peer's peak RSS: ${figures.peakRssMb?.toFixed(0)} MB.`,
    ],
  };
}

async function measure(config: BenchConfig, targets: Target[]): Promise<CommandThroughput[]> {
  const headers = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
  const contenders: Contender[] = targets.map((target) => ({
    ...target,
    expectedRate: 400,
    rates: [],
    p50: [],
    p99: [],
    submitRate: 0,
    refused: 0,
  }));
  for (let run = 0; run <= config.runs; run++) {
    const seconds = run === 0 ? config.http.warmupSeconds : config.http.seconds;
    for (const c of contenders) {
      // enough stock for this run at the rate seen so far, with a margin; running dry would answer 4xx
      const stock = await c.stock(Math.ceil((c.expectedRate * seconds * 1.6) / 2) + 200);
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
