import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publishBenchMatter } from '../http/bench-matter';
import { submissionLoad } from '../http/submitted-applications';
import { ApiProcess, startApi, startEmbeddedApi } from '../support/api-process';
import { BenchConfig } from '../support/bench-config';
import { log } from '../support/log';
import { waitForProjections } from '../support/projections-caught-up';
import { figureOf, Outcome } from '../support/stats';
import { withDatabase } from '../support/throwaway-database';

export interface EmbeddedCommands {
  embeddedPerSecond: Outcome;
  embeddedP99Ms: Outcome;
  serverPerSecond: Outcome;
  serverP99Ms: Outcome;
  notes: string[];
}

interface Contender {
  label: string;
  api: ApiProcess;
  matterId: string;
  rates: number[];
  p99: number[];
  refused: number;
}

/**
 * Section 9, first half: citizens' submissions (POST /applications) from `connections` clients,
 * against the API on the embedded default (PGlite under a fresh DATA_DIR, as `npm start` runs on a
 * new machine) and against the same compiled API on a PostgreSQL database of the bench server.
 * Runs alternate, so the machine's drift falls on both alike; each starts once both APIs' projections
 * have caught up with the runs before (GET /metrics), so neither is measured beside the other's catch-up.
 */
export async function measureEmbeddedCommands(config: BenchConfig): Promise<EmbeddedCommands> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-embedded-'));
  try {
    return await withDatabase(config.serverUrl, 'embedded_server', async (db) => {
      const embedded = await startEmbeddedApi(dataDir, 'embedded');
      const server = await startApi(db.url, 'embedded-server').catch(async (error: unknown) => {
        await embedded.stop();
        throw error;
      });
      try {
        const contenders: Contender[] = [];
        for (const [label, api] of [
          ['embedded', embedded],
          ['server', server],
        ] as const)
          contenders.push({ label, api, matterId: await publishBenchMatter(api.baseUrl), rates: [], p99: [], refused: 0 });
        await measure(config, contenders);
        const [e, s] = contenders;
        return {
          embeddedPerSecond: figureOf(e.rates, 'submissions/s'),
          embeddedP99Ms: figureOf(e.p99, 'ms'),
          serverPerSecond: figureOf(s.rates, 'submissions/s'),
          serverP99Ms: figureOf(s.p99, 'ms'),
          notes: [
            `Submissions (POST /api/v1/applications) from ${config.embedded.connections} connections, no pipelining, ${config.http.seconds} s per run after a ${config.http.warmupSeconds} s warm-up, runs alternating between the two APIs, each once both APIs' projections had caught up (\`projection_lag_events\` 0); both compiled, NODE_ENV=production, LOG_LEVEL=warn, the rate limit lifted.`,
            'Embedded: no DATABASE_URL, PGlite in a fresh DATA_DIR, projections in the process (the one process PGlite admits). Server: the same build on a throwaway database of the bench server, projections in the process too.',
            `Non-2xx answers during measured runs: embedded ${e.refused}, server ${s.refused} (excluded). Peak RSS: embedded API ${e.api.peakRssMb().toFixed(0)} MB (PGlite's memory is inside it), server API ${s.api.peakRssMb().toFixed(0)} MB.`,
          ],
        };
      } finally {
        await server.stop();
        await embedded.stop();
      }
    });
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measure(config: BenchConfig, contenders: Contender[]): Promise<void> {
  for (let run = 0; run <= config.runs; run++) {
    const seconds = run === 0 ? config.http.warmupSeconds : config.http.seconds;
    for (const c of contenders) {
      // each run alone: neither API still applying the last run's commands in the background
      for (const other of contenders) {
        const behind = await waitForProjections(other.api, 120, 250);
        if (behind.length > 0) log(`embedded: the ${other.label} API's projections still behind after 120 s: ${behind.join(', ')}`);
      }
      const { result } = await submissionLoad(c.api.baseUrl, c.matterId, { connections: config.embedded.connections, seconds });
      if (run === 0) continue; // warm-up
      const rate = result['2xx'] / result.duration;
      c.rates.push(rate);
      c.p99.push(result.latency.p99);
      c.refused += result.non2xx;
      log(
        `embedded ${c.label} run ${run}/${config.runs}: ${Math.round(rate)} submissions/s, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
      );
    }
  }
}
