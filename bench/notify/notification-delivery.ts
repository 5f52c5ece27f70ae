import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { acceptAndComplete } from '../http/command-throughput';
import { BENCH_DEPARTMENT, publishBenchMatter } from '../http/bench-matter';
import { authHeaders, benchToken } from '../http/bench-tokens';
import { submitApplications } from '../http/submitted-applications';
import { allProjections } from '../../apps/api/src/projections/projection-registry';
import { startApi, startProjectionWorker } from '../support/api-process';
import type { BenchConfig } from '../support/bench-config';
import { log } from '../support/log';
import { figureOf, type Outcome } from '../support/stats';
import { withDatabase } from '../support/throwaway-database';
import { backendCpuSince, backendsOf, cpuByPid, cpuMs } from '../support/process-cpu';
import { RECEIVER_NICENESS, ReceiverProcess } from './receiver-process';

export interface NotificationFigures {
  commandsPerSecondNone: Outcome;
  commandsPerSecondThree: Outcome;
  deliveriesPerSecond: Outcome;
  lagP50Ms: Outcome;
  lagP99Ms: Outcome;
  notes: string[];
}

/** Three subscriptions as a city would have them: everything of the applications, every event, one department's completions. */
const SUBSCRIPTIONS = [
  { types: ['application.*'] },
  { types: ['*'] },
  { types: ['application.completed'], departmentId: BENCH_DEPARTMENT },
];

/**
 * Section 7 (issue 13): the HTTP command load of section 2 (accept + complete, 32 connections)
 * with no subscription and with three to a receiver in its own process, runs alternating. With
 * three, after each run the bench waits until the outbox has nothing pending and reads, per
 * delivered event, the lag from its commit (`es_events.recorded_at`) to its arrival, and the
 * deliveries per second from the run's start to the last arrival.
 */
export async function measureNotificationDelivery(config: BenchConfig): Promise<NotificationFigures> {
  return withDatabase(config.serverUrl, 'notify', async (db) => {
    // as a city runs it: the API serves, a worker runs the projections (the outbox among them) and the dispatcher
    const api = await startApi(db.url, 'notify', { WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', RUN_PROJECTIONS: 'false' });
    const worker = await startProjectionWorker(db.url, 'notify', allProjections.length);
    const receiver = await ReceiverProcess.start();
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const clerk = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
      const admin = authHeaders(benchToken({ roles: ['admin'] }));
      const matterId = await publishBenchMatter(api.baseUrl);
      const none: number[] = [];
      const three: number[] = [];
      const throughput: number[] = [];
      const lagP50: number[] = [];
      const lagP99: number[] = [];
      let expectedRate = 400;
      /** CPU seconds of each process during each measured run's load, by whether it had subscriptions */
      const cpu = { none: [] as CpuSplit[], three: [] as CpuSplit[] };
      const cpuNow = (): ProcessCpu => ({
        api: cpuMs([api.pid]),
        worker: cpuMs([worker.pid]),
        receiver: cpuMs([receiver.pid]),
        bench: (process.cpuUsage().user + process.cpuUsage().system) / 1000,
      });
      for (let run = 0; run <= config.notify.pairs; run++) {
        const seconds = run === 0 ? config.http.warmupSeconds : config.notify.seconds;
        for (const subscribed of [false, true]) {
          const stock = await submitApplications(api.baseUrl, matterId, Math.ceil((expectedRate * seconds * 1.6) / 2) + 200);
          const ids = subscribed ? await subscribe(api.baseUrl, admin, receiver) : [];
          const start = Date.now();
          const before = (await receiver.arrivals()).arrivals.length;
          const cpuBefore = cpuNow();
          const backendsBefore = cpuByPid(backendsOf(db.name));
          const result = await acceptAndComplete(api.baseUrl, clerk, stock.ids, config.http.connections, seconds);
          const used: CpuSplit = { ...cpuSince(cpuBefore, cpuNow()), postgres: backendCpuSince(db.name, backendsBefore) / 1000 };
          if (run > 0) cpu[subscribed ? 'three' : 'none'].push(used);
          log(`notify run ${run}: CPU s during the load: ${describeCpu(used)}`);
          const rate = result['2xx'] / result.duration;
          expectedRate = Math.max(expectedRate, rate);
          if (subscribed) {
            await drained(pg, ids);
            const arrivals = (await receiver.arrivals()).arrivals.slice(before);
            const lags = await lagsOf(pg, arrivals);
            const last = Math.max(...arrivals.map(([, at]) => at));
            await unsubscribe(api.baseUrl, admin, ids);
            if (run === 0) continue;
            three.push(rate);
            throughput.push(arrivals.length / ((last - start) / 1000));
            lagP50.push(percentile(lags, 0.5));
            lagP99.push(percentile(lags, 0.99));
            log(
              `notify run ${run}: ${Math.round(rate)} commands/s with 3 subscriptions (non-2xx ${result.non2xx}); ${arrivals.length} deliveries, ${Math.round(throughput.at(-1)!)}/s, lag p50 ${lagP50.at(-1)} ms, p99 ${lagP99.at(-1)} ms`,
            );
          } else if (run > 0) {
            none.push(rate);
            log(`notify run ${run}: ${Math.round(rate)} commands/s without subscriptions; non-2xx ${result.non2xx}`);
          }
        }
      }
      const { badSignatures } = await receiver.arrivals();
      if (badSignatures > 0) throw new Error(`${badSignatures} deliveries failed their signature check`);
      const pairRatios = three.map((rate, i) => rate / none[i]);
      return {
        commandsPerSecondNone: figureOf(none, 'commands/s'),
        commandsPerSecondThree: figureOf(three, 'commands/s'),
        deliveriesPerSecond: figureOf(throughput, 'deliveries/s'),
        lagP50Ms: figureOf(lagP50, 'ms'),
        lagP99Ms: figureOf(lagP99, 'ms'),
        notes: [
          `Per pair (with ÷ without, in run order): ${pairRatios.map((ratio) => ratio.toFixed(2)).join(', ')}; their median ${figureOf(pairRatios, '×').median.toFixed(2)}×. The machine drifts between pairs; a pair's two runs are back to back.`,
          `The load of section 2 (${config.http.connections} connections) in ${config.notify.pairs} pairs of ${config.notify.seconds} s runs, each pair a run without subscriptions and one with three (\`application.*\`, \`*\`, and \`application.completed\` of the bench department) to a receiver on 127.0.0.1 that verifies every signature with \`standardwebhooks\` against the secret of the subscription whose path it arrived on (until 2026-12-07 it tried each secret in turn, and each mismatch threw: 356 µs of its CPU per delivery, now 128 µs), in a process of its own at niceness ${RECEIVER_NICENESS} (it stands for the other system's machine: its CPU yields to ours, and it never runs on autocannon's event loop, as it did before 2026-12-03).`,
          'Deliveries per second: delivered events from the start of the run to the last arrival (the outbox drains after the load stops). Lag: from the event’s commit (`es_events.recorded_at`) to its first arrival, p50 and p99 over the run’s deliveries.',
          `CPU seconds during a run's load (medians; from /proc, the PostgreSQL backends of the bench's database): without subscriptions ${describeCpu(medianSplit(cpu.none))}; with three ${describeCpu(medianSplit(cpu.three))}.`,
          'The API serves only (RUN_PROJECTIONS=false); a `projections run` worker beside it runs the projections (the outbox is one) and the dispatcher, as README “Scaling out” deploys it — on this machine all of it, PostgreSQL, the receiver and autocannon share 2 cores. The subscriptions are deleted after each run, so the next run without them has none.',
        ],
      };
    } finally {
      await pg.end();
      await receiver.stop();
      await worker.stop();
      await api.stop();
    }
  });
}

async function subscribe(baseUrl: string, headers: Record<string, string>, receiver: ReceiverProcess): Promise<string[]> {
  const ids: string[] = [];
  for (const subscription of SUBSCRIPTIONS) {
    // a path of its own, whose secret the receiver verifies, as a receiver knows its subscription's secret
    const name = randomUUID();
    const response = await fetch(`${baseUrl}/api/v1/subscriptions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ url: `${receiver.baseUrl}/hooks/${name}`, ...subscription }),
    });
    if (response.status !== 201) throw new Error(`POST /subscriptions → ${response.status}: ${await response.text()}`);
    const { id, secret } = (await response.json()) as { id: string; secret: string };
    await receiver.trust(name, secret);
    ids.push(id);
  }
  return ids;
}

async function unsubscribe(baseUrl: string, headers: Record<string, string>, ids: string[]): Promise<void> {
  for (const id of ids) await fetch(`${baseUrl}/api/v1/subscriptions/${id}`, { method: 'DELETE', headers });
}

/** Until the outbox has queued the run's events (the projection caught up) and delivered them all. */
async function drained(pg: Client, subscriptionIds: string[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const { rows } = await pg.query<{ pending: number; behind: number }>(
      `SELECT (SELECT count(*)::int FROM webhook_deliveries WHERE status = 'pending' AND subscription_id = ANY($1::text[])) AS pending,
              (SELECT (max(position) - coalesce((SELECT position FROM projection_checkpoints WHERE projection = 'webhook-outbox'), 0))::int FROM es_events) AS behind`,
      [subscriptionIds],
    );
    if (rows[0].pending === 0 && rows[0].behind <= 0) return;
    if (Date.now() > deadline) throw new Error(`the outbox did not drain within 180 s (${JSON.stringify(rows[0])})`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type CpuSplit = Record<'api' | 'worker' | 'receiver' | 'postgres' | 'bench', number>;
/** the processes that live through a load; PostgreSQL's backends come and go, and are counted per backend */
type ProcessCpu = Omit<CpuSplit, 'postgres'>;

function cpuSince(before: ProcessCpu, after: ProcessCpu): ProcessCpu {
  const used = { ...after };
  for (const key of Object.keys(used) as (keyof ProcessCpu)[]) used[key] = Math.max(0, after[key] - before[key]) / 1000;
  return used;
}

function medianSplit(splits: readonly CpuSplit[]): CpuSplit | null {
  if (splits.length === 0) return null;
  const median = { ...splits[0] };
  for (const key of Object.keys(median) as (keyof CpuSplit)[]) {
    const sorted = splits.map((split) => split[key]).sort((a, b) => a - b);
    median[key] = sorted[Math.floor(sorted.length / 2)];
  }
  return median;
}

function describeCpu(split: CpuSplit | null): string {
  if (!split) return 'not measured';
  const part = (key: keyof CpuSplit, label: string) => `${label} ${split[key].toFixed(1)}`;
  return [
    part('api', 'API'),
    part('worker', 'worker'),
    part('postgres', 'PostgreSQL'),
    part('receiver', 'receiver'),
    part('bench', 'autocannon'),
  ].join(', ');
}

async function lagsOf(pg: Client, arrivals: [string, number][]): Promise<number[]> {
  const { rows } = await pg.query<{ id: string; ms: number }>(
    `SELECT event_id::text AS id, (extract(epoch FROM recorded_at) * 1000)::float8 AS ms FROM es_events WHERE event_id = ANY($1::uuid[])`,
    [[...new Set(arrivals.map(([id]) => id))]],
  );
  const committed = new Map(rows.map((row) => [row.id, Number(row.ms)]));
  return arrivals.map(([id, at]) => at - committed.get(id)!).sort((a, b) => a - b);
}

function percentile(sorted: readonly number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]);
}
