import type { Checkpoint, EventStore, LogWindow, RecordedEvent } from '../event-store.port';
import { windowOf } from '../log-window';
import type { SqlClient } from '../sql/sql-client';
import { advanceCheckpoint } from './checkpoint-store';
import type { Projection } from './projection';

export interface ProjectionPosition {
  checkpoint: Checkpoint | null;
  position: number | null;
}

/** The runner's advisory lock went away: stop applying; the transaction in flight rolled back. */
export class ProjectionLockLostError extends Error {
  constructor(projection: Pick<Projection, 'name' | 'version'>) {
    super(`lost the lock of ${projection.name} v${projection.version}`);
    this.name = 'ProjectionLockLostError';
  }
}

/**
 * Feeds one projection batch by batch from a checkpoint: read a batch after it, apply the handled
 * events and move the checkpoint in ONE transaction, so a crash mid-batch neither loses nor
 * double-applies. While a batch is applied, the next one is already being read.
 *
 * Batches are `batchSize` events while the projection keeps up, and `catchUpBatchSize` while it is
 * behind (the last read came back full): a rebuild then costs fewer transactions and round trips,
 * and the projections' multi-row upserts get more rows per statement. Far behind (a catch-up batch
 * came back full too: a rebuild, not a burst of commands), a projection that handles only some
 * event types reads filtered windows: the store skips the other events instead of sending them.
 *
 * A batch with none of the projection's event types changes nothing but the checkpoint; with
 * `deferCheckpointMs` that write waits (at most that long, and only while events keep coming):
 * under a stream of commands most projections handle few of the types, and each of their batches
 * would otherwise cost a transaction. In memory (`position`) the projection is past the batch at
 * once; the stored checkpoint follows with the next handled batch, when the time is up, when the
 * projection has caught up, or on `flush()`. Until then a restart just reads those events again.
 */
export class BatchApplier {
  private readonly handles: ReadonlySet<string> | 'all';
  private prefetched: { after: Checkpoint | null; limit: number; window: Promise<LogWindow> } | null = null;
  /** how many reads in a row came back full: 1 behind, 2 or more far behind */
  private fullReads = 0;
  /** the checkpoint in `projection_checkpoints`: behind `at` while a checkpoint-only write is deferred */
  private stored: Checkpoint | null;
  /** when the oldest deferred checkpoint-only write was put off (null: none pending) */
  private deferredSince: number | null = null;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    private readonly projection: Projection,
    private at: ProjectionPosition,
    private readonly options: { batchSize: number; catchUpBatchSize?: number; deferCheckpointMs?: number; stillHeld?: () => boolean },
  ) {
    this.handles = projection.handles === 'all' ? 'all' : new Set(projection.handles);
    this.stored = at.checkpoint;
  }

  get position(): ProjectionPosition {
    return this.at;
  }

  /** Applies the next batch; returns how many events it moved past (0 = caught up, the checkpoint stored). */
  async step(): Promise<number> {
    const read = this.read(this.at.checkpoint);
    const window = await read.window;
    this.fullReads = window.scanned === read.limit ? this.fullReads + 1 : 0;
    if (!window.end) {
      await this.flush();
      return 0;
    }
    if (this.fullReads > 0) this.prefetch(window.end.checkpoint);
    const handles = this.handles;
    const handled = handles === 'all' ? window.events : window.events.filter((event) => handles.has(event.type));
    const next = { checkpoint: window.end.checkpoint, position: window.end.position };
    if (handled.length === 0 && this.mayDefer()) this.at = next;
    else await this.write(handled, next);
    return window.scanned;
  }

  /** Stores a deferred checkpoint now (the lock must still be held). */
  async flush(): Promise<void> {
    if (this.stored !== this.at.checkpoint) await this.write([], this.at);
  }

  /** Waits for a read in flight, so nothing runs on the connection after the caller is done. */
  async settle(): Promise<void> {
    const pending = this.prefetched;
    this.prefetched = null;
    if (pending) await pending.window.catch(() => undefined);
  }

  private read(after: Checkpoint | null): { limit: number; window: Promise<LogWindow> } {
    const pending = this.prefetched;
    this.prefetched = null;
    if (pending && pending.after === after) return pending;
    if (pending) pending.window.catch(() => undefined);
    const limit = this.limit();
    return { limit, window: this.fetch(after, limit) };
  }

  private prefetch(after: Checkpoint): void {
    const limit = this.limit();
    const window = this.fetch(after, limit);
    window.catch(() => undefined); // observed when used; a failed prefetch is read again
    this.prefetched = { after, limit, window };
  }

  /**
   * Far behind, a projection that handles only some types, or reads no data, asks for a window of
   * just that (the rest is skipped in the store, neither sent nor parsed); otherwise it reads the
   * whole batch, which the runner's projections share (one query for all of them) — under a stream
   * of commands they all stand at the same checkpoint.
   */
  private fetch(after: Checkpoint | null, limit: number): Promise<LogWindow> {
    const { handles, readsData } = this.projection;
    if (this.fullReads >= 2 && (handles !== 'all' || readsData === false))
      return this.store.readWindow({ after, limit, types: handles === 'all' ? undefined : handles, withoutData: readsData === false });
    return this.store.readAll({ after, limit }).then((events) => windowOf(events));
  }

  private limit(): number {
    return this.fullReads > 0 ? (this.options.catchUpBatchSize ?? this.options.batchSize) : this.options.batchSize;
  }

  /** Applies `handled` and moves the stored checkpoint from where it is to `next`, in one transaction. */
  private async write(handled: RecordedEvent[], next: ProjectionPosition): Promise<void> {
    const from = this.stored;
    await this.sql.transaction(async (tx) => {
      this.assertHeld();
      await advanceCheckpoint(tx, this.projection, from, next.checkpoint!, next.position!);
      if (handled.length > 0) await this.projection.apply(handled, tx);
      this.assertHeld();
    });
    this.at = next;
    this.stored = next.checkpoint;
    this.deferredSince = null;
  }

  private mayDefer(): boolean {
    const limit = this.options.deferCheckpointMs ?? 0;
    if (limit <= 0) return false;
    const now = Date.now();
    this.deferredSince ??= now;
    return now - this.deferredSince < limit;
  }

  private assertHeld(): void {
    if (this.options.stillHeld && !this.options.stillHeld()) throw new ProjectionLockLostError(this.projection);
  }
}
