import type { Checkpoint, EventStore } from '../event-store.port';
import { runAsLeader } from '../sql/leader-loop';
import type { AdvisoryLock, SqlClient } from '../sql/sql-client';
import { BatchApplier, ProjectionLockLostError, ProjectionPosition } from './batch-applier';
import { CheckpointMovedError, ProjectionStatus, readCheckpoint, registerProjection, switchToLive } from './checkpoint-store';
import { Projection, ProjectionLogger, projectionLabel, projectionLockKey } from './projection';
import { StopSignal } from './stop-signal';

export interface ProjectionWorkerOptions {
  batchSize: number;
  catchUpBatchSize: number;
  /** how long a checkpoint-only write may wait while events keep coming (see BatchApplier) */
  deferCheckpointMs: number;
  pollMs: number;
  lockRetryMs: number;
  retryBackoffMs: number;
  maxRetryBackoffMs: number;
  /** how stale a checkpoint read from the table may be when another process runs the projection */
  refreshMs: number;
  logger: ProjectionLogger;
}

/** What one projection is doing in this instance. */
export interface ProjectionWorkerSnapshot extends ProjectionPosition {
  name: string;
  version: number;
  /** true while this instance holds the advisory lock and applies */
  holdsLock: boolean;
  /** last status seen in `projection_checkpoints`; null before the first look */
  status: ProjectionStatus | null;
}

/**
 * Runs one projection version while it holds that version's advisory lock: catch up from the
 * stored checkpoint, go live when caught up, then follow new appends. Without the lock it retries
 * every `lockRetryMs`, so it takes over when the holder's connection dies.
 */
export class ProjectionWorker {
  private at: ProjectionPosition = { checkpoint: null, position: null };
  private holding = false;
  private status: ProjectionStatus | null = null;
  private loop: Promise<void> | null = null;
  private observing = false;
  private readonly signal = new StopSignal();
  private refresh: { at: number; done: Promise<void> } | null = null;
  private readonly label: string;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    readonly projection: Projection,
    private readonly options: ProjectionWorkerOptions,
  ) {
    this.label = `projection ${projectionLabel(projection)}`;
  }

  get snapshot(): ProjectionWorkerSnapshot {
    return { name: this.projection.name, version: this.projection.version, holdsLock: this.holding, status: this.status, ...this.at };
  }

  start(): void {
    this.loop ??= this.run();
  }

  /** Never applies: follows the checkpoint that the process running this projection stores. */
  observe(): void {
    this.observing = true;
  }

  /** Finishes the batch in flight, then releases the lock. */
  async stop(): Promise<void> {
    this.signal.request();
    await this.loop;
  }

  /** In memory while this worker applies; read from the table (at most every `refreshMs`) while another process does. */
  async currentCheckpoint(): Promise<Checkpoint | null> {
    if (this.holding || this.signal.requested || (!this.loop && !this.observing)) return this.at.checkpoint;
    const now = Date.now();
    if (!this.refresh || now - this.refresh.at >= this.options.refreshMs) {
      this.refresh = { at: now, done: this.reload(() => !this.holding).catch(() => undefined) };
    }
    await this.refresh.done;
    return this.at.checkpoint;
  }

  private async run(): Promise<void> {
    const { lockRetryMs, logger } = this.options;
    await runAsLeader(this.sql, projectionLockKey(this.projection), this.signal, { lockRetryMs, logger, label: this.label }, (lock) =>
      this.serve(lock).finally(() => {
        this.holding = false;
      }),
    );
  }

  private async serve(lock: AdvisoryLock): Promise<void> {
    await this.sql.transaction(async (tx) => {
      await registerProjection(tx, this.projection);
      await this.projection.setup?.(tx);
    });
    await this.reload();
    const applier = new BatchApplier(this.store, this.sql, this.projection, this.at, {
      batchSize: this.options.batchSize,
      catchUpBatchSize: this.options.catchUpBatchSize,
      deferCheckpointMs: this.options.deferCheckpointMs,
      stillHeld: () => lock.held,
    });
    this.holding = true;
    this.options.logger.log(`${this.label}: running (${this.status}) from position ${this.at.position ?? 0}`);
    try {
      await this.follow(applier, lock);
    } finally {
      await applier.settle();
      // a deferred checkpoint, stored before the lock goes (a restart would only re-read those events)
      if (lock.held)
        await applier.flush().catch((error: unknown) => this.options.logger.error(`${this.label}: storing its checkpoint failed`, error));
    }
  }

  private async follow(applier: BatchApplier, lock: AdvisoryLock): Promise<void> {
    let failures = 0;
    while (!this.signal.requested && lock.held) {
      try {
        const moved = await applier.step();
        this.at = applier.position;
        failures = 0;
        if (moved > 0) continue;
        if (this.status === 'building') {
          this.status = await this.sql.transaction((tx) => switchToLive(tx, this.projection));
          this.options.logger.log(`${this.label}: caught up at position ${this.at.position ?? 0}, now ${this.status}`);
        }
        await this.signal.race(this.store.waitForAppend(this.options.pollMs));
      } catch (error) {
        if (error instanceof ProjectionLockLostError || error instanceof CheckpointMovedError) {
          if (!this.signal.requested) this.options.logger.log(`${this.label}: ${error.message}; stepping back`);
          return;
        }
        failures += 1;
        const delay = Math.min(this.options.retryBackoffMs * 2 ** (failures - 1), this.options.maxRetryBackoffMs);
        this.options.logger.error(
          `${this.label}: batch after position ${this.at.position ?? 0} failed (${failures}×); retrying in ${delay} ms`,
          error,
        );
        await this.signal.sleep(delay);
      }
    }
  }

  private async reload(stillWanted: () => boolean = () => true): Promise<void> {
    const row = await readCheckpoint(this.sql, this.projection);
    if (!stillWanted()) return;
    this.at = { checkpoint: row?.checkpoint ?? null, position: row?.position ?? null };
    this.status = row?.status ?? null;
  }
}
