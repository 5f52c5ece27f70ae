import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjections } from '../../apps/api/src/projections/projection-registry';
import { buildApi, THIS_TREE } from '../support/api-build';
import { startEmbeddedApi } from '../support/api-process';
import { waitForProjections } from '../support/projections-caught-up';
import { BenchConfig } from '../support/bench-config';
import { runNodeChild } from '../support/child-run';
import { log } from '../support/log';

export interface EmbeddedScenario {
  applications: number | 'default';
  /** the scenario CLI's whole run (`--bulk`), start-up included */
  loadS: number;
  /** from spawning the API on that DATA_DIR until every projection was at the store's last event */
  catchUpS: number;
  totalS: number;
  notes: string[];
}

/**
 * Section 9, second half: the README's scenario on the embedded default, as a user on a fresh
 * machine would get it ready — `npm run scenario -- shaoxing-2019 --bulk` into a new DATA_DIR
 * (the README's default size in the full run), then the service started on it, until its
 * `projection_lag_events` (GET /metrics) is 0 for every registered projection. The figure is
 * the time of both; the target (issue 15) is 5 minutes.
 */
export async function measureEmbeddedScenario(config: BenchConfig): Promise<EmbeddedScenario> {
  const { applications, loadBudgetS, catchUpBudgetS } = config.embedded.scenario;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-embedded-scenario-'));
  try {
    await buildApi();
    const args = ['shaoxing-2019', '--bulk', ...(applications === 'default' ? [] : ['--applications', String(applications)])];
    const load = await runNodeChild(
      ['-r', 'tsconfig-paths/register', THIS_TREE.scenarioCli, ...args],
      { TS_NODE_BASEURL: THIS_TREE.dir, DATA_DIR: dataDir, DATABASE_URL: undefined, LOG_LEVEL: 'warn', NODE_ENV: 'production' },
      loadBudgetS,
    );
    if (load.timedOut) throw new Error(`the embedded scenario load did not finish within ${loadBudgetS} s`);
    if (load.code !== 0)
      throw new Error(`the scenario loader exited with ${load.code}: ${load.stdout.trim().split('\n').slice(-3).join(' / ')}`);
    log(`embedded scenario (${args.join(' ')}): loaded in ${load.seconds.toFixed(1)} s`);
    const spawned = performance.now();
    const api = await startEmbeddedApi(dataDir, 'embedded-scenario', catchUpBudgetS * 1000);
    try {
      const behind = await waitForProjections(api, catchUpBudgetS - (performance.now() - spawned) / 1000);
      const catchUpS = (performance.now() - spawned) / 1000;
      if (behind.length > 0) throw new Error(`after ${catchUpS.toFixed(0)} s the projections were still behind: ${behind.join(', ')}`);
      log(`embedded scenario: projections caught up ${catchUpS.toFixed(1)} s after the API was spawned`);
      const loaded = /loaded in ([\d.]+) s/.exec(load.stdout)?.[1];
      return {
        applications,
        loadS: load.seconds,
        catchUpS,
        totalS: load.seconds + catchUpS,
        notes: [
          `\`scenario ${args.join(' ')}\` (compiled, as the API) into a fresh DATA_DIR: ${load.seconds.toFixed(0)} s, of which the import itself ${loaded ?? '?'} s; peak RSS ${load.peakRssMb?.toFixed(0) ?? '?'} MB.`,
          `Then the API on that DATA_DIR, from its spawn until GET /metrics gave \`projection_lag_events\` 0 for all ${allProjections.length} projections: ${catchUpS.toFixed(0)} s; its peak RSS ${api.peakRssMb().toFixed(0)} MB.`,
        ],
      };
    } finally {
      await api.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
