import { startApi } from '../support/api-process';
import { BenchConfig } from '../support/bench-config';
import { log } from '../support/log';
import { figureOf, Outcome, quantile } from '../support/stats';
import { withDatabase } from '../support/throwaway-database';
import { BENCH_DEPARTMENT, publishBenchMatter } from './bench-matter';
import { authHeaders, benchToken } from './bench-tokens';
import { submitApplications } from './submitted-applications';

/** One mode of section 6: the API with the wait of an entity's GET on (`wait`) or off (`READ_OWN_WRITES=false`). */
export interface OwnWritesMode {
  commandsPerSecond: Outcome;
  getP50Ms: Outcome;
  getP99Ms: Outcome;
  /** GETs that did not show the command just answered (another status, or 404) */
  staleGets: number;
  gets: number;
  peakRssMb: number | null;
}

export interface OwnWritesCost {
  wait: OwnWritesMode;
  noWait: OwnWritesMode;
  notes: string[];
}

/**
 * Section 6, reading one's own writes: `connections` clients each take a submitted application,
 * accept it, GET it, complete it, GET it, and go on. Run against the API as it ships (every GET
 * waits for the applications projection to pass the stream's last position) and against the same
 * build with READ_OWN_WRITES=false, each mode on its own throwaway database, runs interleaved.
 */
export async function measureReadOwnWrites(config: BenchConfig): Promise<OwnWritesCost> {
  const runs = { wait: new Runs(), noWait: new Runs() };
  const rss = { wait: 0, noWait: 0 };
  for (let run = 0; run <= config.runs; run++) {
    for (const mode of ['noWait', 'wait'] as const) {
      const result = await withDatabase(config.serverUrl, `ryw_${mode}`, async (db) => {
        const api = await startApi(db.url, `ryw-${mode}`, { READ_OWN_WRITES: String(mode === 'wait') });
        try {
          const matterId = await publishBenchMatter(api.baseUrl);
          const seconds = run === 0 ? config.http.warmupSeconds : config.http.seconds;
          const stock = await submitApplications(api.baseUrl, matterId, Math.ceil(seconds * 400) + 200);
          const measured = await acceptReadCompleteRead(api.baseUrl, stock.ids, config.http.connections, seconds);
          rss[mode] = Math.max(rss[mode], api.peakRssMb());
          return measured;
        } finally {
          await api.stop();
        }
      });
      if (run === 0) continue; // warm-up
      runs[mode].add(result);
      log(
        `ryw run ${run}/${config.runs} ${mode}: ${Math.round(result.commandsPerSecond)} commands/s, GET p50 ${result.getP50.toFixed(1)} ms, p99 ${result.getP99.toFixed(1)} ms, stale GETs ${result.stale}/${result.gets}`,
      );
    }
  }
  return {
    wait: runs.wait.figures(rss.wait),
    noWait: runs.noWait.figures(rss.noWait),
    notes: [
      `${config.http.connections} clients (fetch, keep-alive), each looping: POST …/accept, GET /api/v1/applications/{id}, POST …/complete, GET again; ${config.http.seconds} s per run after a ${config.http.warmupSeconds} s warm-up, ${config.runs} runs per mode, the modes interleaved, each run on a fresh database with the projections in the API process.`,
      'commands/s counts the 2xx accepts and completes; the GET latency is measured per request in the client (p50/p99 of each run, the figure the median over runs).',
      'A stale GET is one that does not show the command just answered (status still submitted / accepted, or 404). `wait`: the API as shipped; `nowait`: READ_OWN_WRITES=false.',
      `Stale GETs: wait ${runs.wait.staleText()}, nowait ${runs.noWait.staleText()}.`,
    ],
  };
}

interface RunResult {
  commandsPerSecond: number;
  getP50: number;
  getP99: number;
  stale: number;
  gets: number;
}

class Runs {
  private readonly results: RunResult[] = [];
  add(result: RunResult): void {
    this.results.push(result);
  }
  figures(peakRssMb: number): OwnWritesMode {
    return {
      commandsPerSecond: figureOf(
        this.results.map((r) => r.commandsPerSecond),
        'commands/s',
      ),
      getP50Ms: figureOf(
        this.results.map((r) => r.getP50),
        'ms',
      ),
      getP99Ms: figureOf(
        this.results.map((r) => r.getP99),
        'ms',
      ),
      staleGets: this.results.reduce((sum, r) => sum + r.stale, 0),
      gets: this.results.reduce((sum, r) => sum + r.gets, 0),
      peakRssMb: peakRssMb || null,
    };
  }
  staleText(): string {
    const stale = this.results.reduce((sum, r) => sum + r.stale, 0);
    const gets = this.results.reduce((sum, r) => sum + r.gets, 0);
    return `${stale} of ${gets}`;
  }
}

async function acceptReadCompleteRead(baseUrl: string, ids: string[], connections: number, seconds: number): Promise<RunResult> {
  const headers = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
  const getMs: number[] = [];
  let commands = 0;
  let stale = 0;
  let next = 0;
  const deadline = performance.now() + seconds * 1000;
  const post = async (path: string, body: object) => {
    const response = await fetch(`${baseUrl}/api/v1/applications/${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    await response.arrayBuffer();
    if (response.ok) commands++;
  };
  const read = async (id: string, status: string) => {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/api/v1/applications/${id}`, { headers });
    const body = (await response.json()) as { status?: string };
    getMs.push(performance.now() - started);
    if (!response.ok || body.status !== status) stale++;
  };
  const client = async () => {
    while (performance.now() < deadline && next < ids.length) {
      const id = ids[next++];
      await post(`${id}/accept`, {});
      await read(id, 'accepted');
      await post(`${id}/complete`, { outcome: 'approved', visits: 0 });
      await read(id, 'completed');
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, client));
  const elapsedS = (performance.now() - started) / 1000;
  if (next >= ids.length) log(`ryw: the stock of ${ids.length} applications ran out before ${seconds} s`);
  const sorted = getMs.sort((a, b) => a - b);
  return {
    commandsPerSecond: commands / elapsedS,
    getP50: quantile(sorted, 0.5),
    getP99: quantile(sorted, 0.99),
    stale,
    gets: getMs.length,
  };
}
