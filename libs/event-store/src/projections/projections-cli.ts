import { Presets, SingleBar } from 'cli-progress';
import type { EventStore } from '../event-store.port';
import type { SqlClient } from '../sql/sql-client';
import { countByScanning, CountEventsAfter } from './event-count';
import { Projection, projectionLabel, type ProjectionLogger } from './projection';
import { ProjectionRunner } from './projection-runner';
import { formatStatusTable, projectionStatus } from './projection-status';
import { rebuildProjection } from './rebuild-projection';

export interface ProjectionsCliDeps {
  store: EventStore;
  sql: SqlClient;
  /** the versions the code has now: `rebuild NAME` builds the highest version of NAME */
  projections: readonly Projection[];
  /** events after a checkpoint, for totals and lag; default: a scan through `readAll` */
  countEventsAfter?: CountEventsAfter;
  /** where text goes (default stdout) and where the bar is drawn (default stderr) */
  out?: NodeJS.WritableStream;
  progressStream?: NodeJS.WritableStream;
  /** `run`: what the runner logs (default the console), and when it stops (default SIGTERM or SIGINT) */
  logger?: ProjectionLogger;
  stopWhen?: Promise<unknown>;
}

export const PROJECTIONS_CLI_USAGE = `usage:
  projections run                             keep every projection up to date until SIGTERM (beside API
                                              processes started with RUN_PROJECTIONS=false)
  projections rebuild NAME [--batch-size N]   rebuild the current version of NAME from position 0
  projections rebuild --all [--batch-size N]  rebuild every projection
  projections status                          versions, status, checkpoint and lag of every projection`;

/** `npm run projections -- run | rebuild NAME | rebuild --all | status`. Returns the exit code. */
export async function runProjectionsCli(argv: readonly string[], deps: ProjectionsCliDeps): Promise<number> {
  const out = deps.out ?? process.stdout;
  const print = (text: string) => out.write(`${text}\n`);
  const countAfter = deps.countEventsAfter ?? countByScanning(deps.store);
  const [command, ...args] = argv;
  if (command === 'status' && args.length === 0) {
    print(formatStatusTable(await projectionStatus(deps.sql, deps.projections, countAfter)));
    return 0;
  }
  if (command === 'run' && args.length === 0) return run(deps, print);
  if (command !== 'rebuild') return usage(print);
  const batchAt = args.indexOf('--batch-size');
  const batchSize = batchAt >= 0 ? Number(args[batchAt + 1]) : undefined;
  if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) return usage(print);
  const names = args.filter((arg, i) => !arg.startsWith('--') && (batchAt < 0 || i !== batchAt + 1));
  const chosen = args.includes('--all')
    ? currentVersions(deps.projections)
    : currentVersions(deps.projections.filter((p) => names.includes(p.name)));
  const unknown = names.filter((name) => !deps.projections.some((p) => p.name === name));
  if (unknown.length > 0) {
    print(`unknown projection ${unknown.join(', ')}; known: ${[...new Set(deps.projections.map((p) => p.name))].join(', ')}`);
    return 2;
  }
  if (chosen.length === 0 || (args.includes('--all') && names.length > 0)) return usage(print);
  for (const projection of chosen) {
    try {
      await rebuildWithBar(projection, deps, countAfter, print, batchSize);
    } catch (error) {
      print(`${projectionLabel(projection)}: rebuild failed: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  return 0;
}

async function rebuildWithBar(
  projection: Projection,
  deps: ProjectionsCliDeps,
  countAfter: CountEventsAfter,
  print: (text: string) => void,
  batchSize?: number,
) {
  const total = await countAfter(null);
  const bar = new SingleBar(
    {
      format: `${projectionLabel(projection)} [{bar}] {percentage}% | {value}/{total} events | {eps} events/s | ETA {eta_formatted}`,
      stream: deps.progressStream,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { eps: '0' });
  try {
    const result = await rebuildProjection(deps.store, deps.sql, projection, {
      batchSize,
      total,
      onProgress: (processed, _total, eventsPerSecond) => bar.update(processed, { eps: Math.round(eventsPerSecond).toString() }),
    });
    bar.update(result.processed);
    bar.stop();
    const seconds = (result.elapsedMs / 1000).toFixed(2);
    print(
      `${projectionLabel(projection)}: ${result.processed} events in ${seconds} s (${Math.round(result.eventsPerSecond)} events/s), now ${result.status}`,
    );
  } catch (error) {
    bar.stop();
    throw error;
  }
}

/**
 * The projection runner of the API, in a process of its own: one runner per projection across
 * processes (advisory locks), so a second `run` stands by and takes over when the first dies.
 */
async function run(deps: ProjectionsCliDeps, print: (text: string) => void): Promise<number> {
  const runner = new ProjectionRunner(deps.store, deps.sql, deps.projections, { logger: deps.logger });
  await runner.start();
  print(`running ${deps.projections.map(projectionLabel).join(', ')}; SIGTERM or SIGINT stops`);
  await (deps.stopWhen ?? untilSignalled('SIGTERM', 'SIGINT'));
  await runner.stop();
  print('stopped: batches in flight finished, locks released');
  return 0;
}

function untilSignalled(...signals: NodeJS.Signals[]): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const handlers = signals.map((signal) => {
      const handler = () => {
        signals.forEach((s, i) => process.off(s, handlers[i]));
        resolve(signal);
      };
      process.on(signal, handler);
      return handler;
    });
  });
}

/** The highest version of each name. */
function currentVersions(projections: readonly Projection[]): Projection[] {
  const byName = new Map<string, Projection>();
  for (const p of projections) if ((byName.get(p.name)?.version ?? -Infinity) < p.version) byName.set(p.name, p);
  return [...byName.values()];
}

function usage(print: (text: string) => void): number {
  print(PROJECTIONS_CLI_USAGE);
  return 2;
}
