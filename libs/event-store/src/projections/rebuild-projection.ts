import type { EventStore } from '../event-store.port';
import type { AdvisoryLock, SqlClient } from '../sql/sql-client';
import { BatchApplier } from './batch-applier';
import { ensureCheckpointTable, ProjectionStatus, restartBuild, switchToLive } from './checkpoint-store';
import { Projection, projectionLabel, projectionLockKey } from './projection';

export interface RebuildOptions {
  /** events per transaction (default 1000) */
  batchSize?: number;
  /** events in the store, when the caller knows; passed through to `onProgress` */
  total?: number;
  /** called after every batch */
  onProgress?: (processed: number, total: number | undefined, eventsPerSecond: number) => void;
  /** how long to wait for a runner that holds this version's lock (default 10 s, retried every 500 ms) */
  lockTimeoutMs?: number;
  lockRetryMs?: number;
}

export interface RebuildResult {
  processed: number;
  elapsedMs: number;
  eventsPerSecond: number;
  /** `live` after the switch (or `retired` if a newer version was already live) */
  status: ProjectionStatus;
  position: number | null;
}

export class ProjectionBusyError extends Error {
  constructor(projection: Projection, waitedMs: number) {
    super(
      `projection ${projectionLabel(projection)} is being run by another process (waited ${waitedMs} ms for its lock); ` +
        `stop the instances that run it, or build a new version beside it`,
    );
    this.name = 'ProjectionBusyError';
  }
}

/**
 * Builds a projection version from position 0: mark it `building` and empty its tables (one
 * transaction), replay every event in batches with the checkpoint in each batch's transaction,
 * then switch: this version goes `live`, older ones `retired`. Older versions keep serving until
 * the switch. Interrupted, it stays `building` from its last checkpoint; a runner resumes it there.
 */
export async function rebuildProjection(
  store: EventStore,
  sql: SqlClient,
  projection: Projection,
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  await ensureCheckpointTable(sql);
  const lock = await acquire(sql, projection, options.lockTimeoutMs ?? 10_000, options.lockRetryMs ?? 500);
  try {
    await sql.transaction(async (tx) => {
      await restartBuild(tx, projection);
      await projection.setup?.(tx);
      await projection.reset(tx);
    });
    const applier = new BatchApplier(
      store,
      sql,
      projection,
      { checkpoint: null, position: null },
      {
        batchSize: options.batchSize ?? 1000,
        stillHeld: () => lock.held,
      },
    );
    const started = performance.now();
    const rate = (processed: number) => processed / Math.max((performance.now() - started) / 1000, 1e-3);
    let processed = 0;
    try {
      for (let moved = await applier.step(); moved > 0; moved = await applier.step()) {
        processed += moved;
        options.onProgress?.(processed, options.total, rate(processed));
      }
    } finally {
      await applier.settle();
    }
    const status = await sql.transaction((tx) => switchToLive(tx, projection));
    const elapsedMs = performance.now() - started;
    return { processed, elapsedMs, eventsPerSecond: rate(processed), status, position: applier.position.position };
  } finally {
    await lock.release();
  }
}

async function acquire(sql: SqlClient, projection: Projection, timeoutMs: number, retryMs: number): Promise<AdvisoryLock> {
  const started = Date.now();
  for (;;) {
    const lock = await sql.tryAdvisoryLock(projectionLockKey(projection));
    if (lock) return lock;
    if (Date.now() - started >= timeoutMs) throw new ProjectionBusyError(projection, Date.now() - started);
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}
