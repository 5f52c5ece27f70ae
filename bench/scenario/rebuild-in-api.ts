import { ensureCheckpointTable, restartBuild } from '@app/event-store';
import { PostgresSqlClient } from '@app/event-store';
import { allProjections } from '../../apps/api/src/projections/projection-registry';
import { ApiProcess, startApi } from '../support/api-process';
import { log } from '../support/log';

export interface RebuildRun {
  events: number;
  /** the projections rebuilt, and those that refused a reset (left as they were) */
  rebuilt: string[];
  kept: string[];
  /** from the first committed batch until all are live; `withBootS` from spawning the API */
  seconds: number;
  withBootS: number;
  eventsPerSecond: number;
  api: ApiProcess;
}

/**
 * Section 3: every projection back to position 0 with its tables emptied (as `projections rebuild`
 * does), then the API started: its runner rebuilds them all at once, as a restarted service would.
 * Timed from the first committed batch until every projection is live at the store's last event
 * (this flatters a small store by at most one batch). Returns the API still running (for its
 * peak RSS).
 */
export async function rebuildInApi(databaseUrl: string, label: string, timeoutS: number): Promise<RebuildRun> {
  const { events, last, rebuilt, kept } = await resetProjections(databaseUrl);
  const spawned = performance.now();
  const watch = waitUntilLive(databaseUrl, new Set(rebuilt), last, timeoutS * 1000);
  const api = await startApi(databaseUrl, `rebuild-${label}`).catch(async (error: unknown) => {
    await watch.catch(() => undefined);
    throw error;
  });
  let timing: { firstBatch: number; live: number };
  try {
    timing = await watch;
  } catch (error) {
    const peakRssMb = api.peakRssMb();
    await api.stop();
    throw new RebuildOverrunError((error as Error).message, peakRssMb);
  }
  const seconds = (timing.live - timing.firstBatch) / 1000;
  const withBoot = (timing.live - spawned) / 1000;
  log(
    `rebuild ${label}: ${events} events × ${rebuilt.length} projections in ${seconds.toFixed(1)} s (${withBoot.toFixed(1)} s from spawning the API; kept: ${kept.join(', ') || 'none'})`,
  );
  return { events, rebuilt, kept, seconds, withBootS: withBoot, eventsPerSecond: events / seconds, api };
}

/** The rebuild did not finish in time (or the API failed); the API's peak RSS until then still counts. */
export class RebuildOverrunError extends Error {
  constructor(
    message: string,
    readonly peakRssMb: number,
  ) {
    super(message);
    this.name = 'RebuildOverrunError';
  }
}

/** Back to position 0 with emptied tables, each projection that allows it; and where the store ends. */
export async function resetProjections(databaseUrl: string): Promise<{ events: number; last: string; rebuilt: string[]; kept: string[] }> {
  const sql = new PostgresSqlClient({ connectionString: databaseUrl, max: 2 });
  const rebuilt: string[] = [];
  const kept: string[] = [];
  try {
    await ensureCheckpointTable(sql);
    for (const projection of allProjections) {
      // a projection may refuse a reset by design (the audit trail is an append-only hash chain): it stays as it is
      await sql
        .transaction(async (tx) => {
          await restartBuild(tx, projection);
          await projection.setup?.(tx);
          await projection.reset(tx);
        })
        .then(
          () => rebuilt.push(projection.name),
          () => kept.push(projection.name),
        );
    }
    const [head] = await sql.query<{ events: string; last: string }>(
      `SELECT (SELECT count(*) FROM es_events)::text AS events,
              (SELECT transaction_id::text || ':' || position::text FROM es_events ORDER BY transaction_id DESC, position DESC LIMIT 1) AS last`,
    );
    return { events: Number(head.events), last: head.last, rebuilt, kept };
  } finally {
    await sql.close();
  }
}

/** `transaction_id:position` checkpoints in log order: is `a` before `b`? */
export function checkpointBefore(a: string, b: string): boolean {
  const [ax, ap] = a.split(':').map(BigInt);
  const [bx, bp] = b.split(':').map(BigInt);
  return ax < bx || (ax === bx && ap < bp);
}

/**
 * Polls the checkpoints every 50 ms: when the first rebuilt projection has committed its first
 * batch (the rebuild is under way; the API's boot is not counted), and when every rebuilt one is
 * live at the store's last event.
 */
async function waitUntilLive(
  databaseUrl: string,
  rebuilt: ReadonlySet<string>,
  lastCheckpoint: string,
  timeoutMs: number,
): Promise<{ firstBatch: number; live: number }> {
  const sql = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  const wanted = allProjections.filter((p) => rebuilt.has(p.name)).map((p) => `${p.name}:${p.version}`);
  const deadline = performance.now() + timeoutMs;
  let firstBatch: number | null = null;
  try {
    for (;;) {
      const rows = await sql.query<{ id: string; status: string; checkpoint: string | null }>(
        `SELECT projection || ':' || version AS id, status, checkpoint FROM projection_checkpoints`,
      );
      const mine = rows.filter((r) => wanted.includes(r.id));
      const now = performance.now();
      if (firstBatch === null && mine.some((r) => r.checkpoint !== null)) firstBatch = now;
      // at or past the store's last event of the reset: the API may append while it rebuilds (a reactor
      // opening a follow-up case the bulk import left to it), and its projections then pass that event
      const live = mine.filter((r) => r.status === 'live' && r.checkpoint !== null && !checkpointBefore(r.checkpoint, lastCheckpoint));
      if (live.length === wanted.length) return { firstBatch: firstBatch ?? now, live: now };
      if (now > deadline) {
        const behind = mine.filter((r) => !live.includes(r)).map((r) => r.id);
        throw new Error(`the projections were not rebuilt within ${Math.round(timeoutMs / 1000)} s (still behind: ${behind.join(', ')})`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await sql.close();
  }
}
