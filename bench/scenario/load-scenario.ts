import { existsSync } from 'node:fs';
import { buildApi, THIS_TREE } from '../support/api-build';
import { BENCH_JWT_SECRET } from '../support/api-process';
import { runNodeChild } from '../support/child-run';
import { log } from '../support/log';

const SCENARIO_CLI = THIS_TREE.scenarioCli;

export interface ScenarioLoad {
  applications: number;
  /** through the bulk import (`--bulk`) rather than one command handler call per command */
  bulk: boolean;
  /** the loader's own "loaded in X s" (commands through the handlers), before it waits for the projections */
  loadS: number;
  /** the whole CLI run, projections caught up included */
  totalS: number;
  peakRssMb: number | null;
}

/** Why the scenario cannot be loaded on this tree, or null when it can. */
export async function scenarioUnavailable(): Promise<string | null> {
  await buildApi();
  return existsSync(SCENARIO_CLI) ? null : 'the 2019 scenario loader (apps/api/src/cli/scenario.cli.ts) does not exist yet';
}

/**
 * `scenario.cli.ts shaoxing-2019 --applications N` (through the real command handlers) against the
 * database, as its own process, bounded in time. Throws with the reason when it fails or overruns.
 * `bulk`: the applications through the bulk import (`--bulk`: the same deciders, many streams per
 * round trip, the projections not run by the loader) — how the 1,000,000 of the large scenario
 * fit in the bench's time.
 */
export async function loadScenario(databaseUrl: string, applications: number, timeoutS: number, bulk = false): Promise<ScenarioLoad> {
  let lastProgress = '';
  const args = ['shaoxing-2019', '--applications', String(applications), '--concurrency', '32', ...(bulk ? ['--bulk'] : [])];
  const run = await runNodeChild(
    ['-r', 'tsconfig-paths/register', SCENARIO_CLI, ...args],
    {
      TS_NODE_BASEURL: THIS_TREE.dir,
      DATABASE_URL: databaseUrl,
      AUTH_JWT_SECRET: BENCH_JWT_SECRET,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    timeoutS,
    (line) => (lastProgress = line),
  );
  if (run.timedOut)
    throw new Error(
      `loading ${applications} applications did not finish within ${timeoutS} s (last progress: ${progressOf(lastProgress)})`,
    );
  if (run.code !== 0)
    throw new Error(`the scenario loader exited with ${run.code}: ${run.stdout.trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`);
  const loaded = /loaded in ([\d.]+) s/.exec(run.stdout);
  const result = { applications, bulk, loadS: loaded ? Number(loaded[1]) : run.seconds, totalS: run.seconds, peakRssMb: run.peakRssMb };
  log(`scenario with ${applications} applications: loaded in ${result.loadS} s, ${result.totalS.toFixed(1)} s with projections`);
  return result;
}

function progressOf(line: string): string {
  // cli-progress redraws with escape codes; keep the readable part
  const escape = String.fromCharCode(27);
  return (
    line
      .split(escape)
      .map((part) => part.replace(/^\[[0-9;]*[A-Za-z]/, ''))
      .join('')
      .slice(-160) || 'none'
  );
}
