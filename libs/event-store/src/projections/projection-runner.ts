import type { Checkpoint, EventStore } from '../event-store.port';
import { ReadReplicaBehindError } from '../sql/read-replica';
import type { SqlClient, SqlExecutor } from '../sql/sql-client';
import { ensureCheckpointTable, readCheckpoint } from './checkpoint-store';
import { consoleProjectionLogger, Projection, ProjectionLogger } from './projection';
import { ProjectionWorker, ProjectionWorkerSnapshot } from './projection-worker';
import { SharedReadsStore } from './shared-reads';

export interface ProjectionRunnerOptions {
  /** events read and applied per transaction (default 500) */
  batchSize?: number;
  /** per transaction while a projection is behind, e.g. rebuilding (default 5000; `batchSize` when only that is given) */
  catchUpBatchSize?: number;
  /**
   * how long a batch without any of a projection's event types may leave its stored checkpoint
   * behind while events keep coming (default 200 ms; 0 stores it with every batch). In this
   * process the projection is past such a batch at once; another process's `waitForPosition`
   * sees it up to this much later.
   */
  deferCheckpointMs?: number;
  /** how long a caught-up projection waits for an append before reading again (default 100 ms) */
  pollMs?: number;
  /** how often an instance without the lock tries to take it over (default 1 s) */
  lockRetryMs?: number;
  /** first back-off after a failed batch, doubled up to `maxRetryBackoffMs` (defaults 200 ms, 10 s) */
  retryBackoffMs?: number;
  maxRetryBackoffMs?: number;
  /** polling interval of `waitForPosition` (default 10 ms) */
  waitPollMs?: number;
  /**
   * The database the queries read when it is not the one the projections write (a streaming
   * replica): `waitForPosition` then follows the checkpoints as that database shows them, which
   * the replica replays in the same transaction as the read-model rows they cover.
   */
  readsFrom?: SqlExecutor;
  logger?: ProjectionLogger;
}

export type ProjectionRunnerSnapshot = ProjectionWorkerSnapshot;

/**
 * Keeps read models up to date: one catch-up subscription per projection, each run by at most one
 * instance across processes (advisory lock), each batch applied in the same transaction as its
 * checkpoint. Queries call `waitForPosition` to read their own writes.
 */
export class ProjectionRunner {
  private readonly workers: ProjectionWorker[];
  private readonly waitPollMs: number;
  private readonly readsFrom: SqlExecutor | undefined;
  /** the replica's checkpoint of each projection, read at most every REPLICA_REFRESH_MS for all waiting GETs */
  private readonly replicaReads = new Map<ProjectionWorker, { at: number; checkpoint: Promise<Checkpoint | null> }>();
  private state: 'new' | 'applying' | 'observing' | 'stopped' = 'new';

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    projections: readonly Projection[],
    options: ProjectionRunnerOptions = {},
  ) {
    const names = projections.map((p) => `${p.name}:${p.version}`);
    if (new Set(names).size !== names.length) throw new Error(`a projection version is registered twice: ${names.join(', ')}`);
    const workerOptions = {
      batchSize: options.batchSize ?? 500,
      catchUpBatchSize: options.catchUpBatchSize ?? options.batchSize ?? 5000,
      deferCheckpointMs: options.deferCheckpointMs ?? 200,
      pollMs: options.pollMs ?? 100,
      lockRetryMs: options.lockRetryMs ?? 1000,
      retryBackoffMs: options.retryBackoffMs ?? 200,
      maxRetryBackoffMs: options.maxRetryBackoffMs ?? 10_000,
      refreshMs: 20,
      logger: options.logger ?? consoleProjectionLogger,
    };
    this.waitPollMs = options.waitPollMs ?? 10;
    this.readsFrom = options.readsFrom;
    // the projections of this process mostly ask for the same batches: one query serves them all
    const shared = new SharedReadsStore(store);
    this.workers = projections.map((projection) => new ProjectionWorker(shared, sql, projection, workerOptions));
  }

  /** Creates the checkpoint table if missing and starts every projection (without waiting for locks). */
  async start(): Promise<void> {
    if (!this.begin('applying')) return;
    await ensureCheckpointTable(this.sql);
    for (const worker of this.workers) worker.start();
  }

  /**
   * For a process that serves reads while another one runs the projections (`projections run`):
   * applies nothing and takes no lock; `waitForPosition` follows the checkpoints the other stores.
   */
  observe(): void {
    if (!this.begin('observing')) return;
    for (const worker of this.workers) worker.observe();
  }

  private begin(mode: 'applying' | 'observing'): boolean {
    if (this.state === mode) return false;
    if (this.state !== 'new') throw new Error(`a ProjectionRunner that is ${this.state} cannot start ${mode}; create a new one`);
    this.state = mode;
    return true;
  }

  /** Lets each projection finish its current batch, then releases the locks. */
  async stop(): Promise<void> {
    this.state = 'stopped';
    await Promise.all(this.workers.map((worker) => worker.stop()));
  }

  /** What each projection is doing in this instance (for /health and the tests). */
  snapshot(): ProjectionRunnerSnapshot[] {
    return this.workers.map((worker) => worker.snapshot);
  }

  /**
   * True as soon as every projection of this runner — or only those named `projection`, the one
   * feeding an entity's row — has processed the event at `position` (its checkpoint covers it),
   * false after `timeoutMs`. One round of `covers` when already caught up. Where another process
   * applies the projections, the checkpoints are read from its table.
   */
  async waitForPosition(position: number, timeoutMs: number, options: { projection?: string } = {}): Promise<boolean> {
    const workers = options.projection === undefined ? this.workers : this.workers.filter((w) => w.projection.name === options.projection);
    if (workers.length === 0) throw new Error(`no projection named ${options.projection} in this runner`);
    const deadline = Date.now() + timeoutMs;
    const pending = new Map(workers.map((worker) => [worker, undefined as Checkpoint | null | undefined]));
    for (;;) {
      if (await this.allCover(pending, position)) return true;
      const left = deadline - Date.now();
      if (left <= 0) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(this.waitPollMs, left)));
    }
  }

  /**
   * Drops from `pending` each worker whose checkpoint covers `position`; asks the store only about
   * a checkpoint that moved since the last round (many GETs waiting at once would otherwise send
   * one `covers` query each per poll).
   */
  private async allCover(pending: Map<ProjectionWorker, Checkpoint | null | undefined>, position: number): Promise<boolean> {
    for (const [worker, seen] of pending) {
      const checkpoint = this.readsFrom ? await this.replicaCheckpoint(worker, this.readsFrom) : await worker.currentCheckpoint();
      if (seen !== undefined && checkpoint === seen) return false;
      if (!(await this.store.covers(checkpoint, position))) {
        pending.set(worker, checkpoint);
        return false;
      }
      pending.delete(worker);
    }
    return true;
  }

  private replicaCheckpoint(worker: ProjectionWorker, replica: SqlExecutor): Promise<Checkpoint | null> {
    const now = Date.now();
    let read = this.replicaReads.get(worker);
    if (!read || now - read.at >= REPLICA_REFRESH_MS) {
      // a replica that has not replayed the checkpoint table yet (a fresh deployment) has covered nothing yet
      const checkpoint = readCheckpoint(replica, worker.projection).then(
        (row) => row?.checkpoint ?? null,
        (error: unknown) => {
          if (error instanceof ReadReplicaBehindError) return null;
          throw error;
        },
      );
      read = { at: now, checkpoint };
      this.replicaReads.set(worker, read);
    }
    return read.checkpoint;
  }
}

const REPLICA_REFRESH_MS = 20;
