import { Presets, SingleBar } from 'cli-progress';
import type { EventStore } from '../event-store.port';
import type { SqlClient } from '../sql/sql-client';
import { countByScanning, CountEventsAfter } from './event-count';
import { Projection, projectionLabel } from './projection';
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
}

export const PROJECTIONS_CLI_USAGE = `usage:
  projections rebuild NAME [--batch-size N]   rebuild the current version of NAME from position 0
  projections rebuild --all [--batch-size N]  rebuild every projection
  projections status                          versions, status, checkpoint and lag of every projection`;

/** `npm run projections -- rebuild NAME | rebuild --all | status`. Returns the exit code. */
export async function runProjectionsCli(argv: readonly string[], deps: ProjectionsCliDeps): Promise<number> {
  const out = deps.out ?? process.stdout;
  const print = (text: string) => out.write(`${text}\n`);
  const countAfter = deps.countEventsAfter ?? countByScanning(deps.store);
  const [command, ...args] = argv;
  if (command === 'status' && args.length === 0) {
    print(formatStatusTable(await projectionStatus(deps.sql, deps.projections, countAfter)));
    return 0;
  }
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
