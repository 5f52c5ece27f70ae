import type { Checkpoint, EventStore, RecordedEvent } from '../event-store.port';
import { ensureCheckpointTable, readCheckpoint, registerProjection } from '../projections/checkpoint-store';
import { consoleProjectionLogger, type ProjectionLogger } from '../projections/projection';
import { StopSignal } from '../projections/stop-signal';
import { runAsLeader } from '../sql/leader-loop';
import type { AdvisoryLock, SqlClient } from '../sql/sql-client';

/**
 * A policy that follows the log and issues commands (a reactor, or process manager): what it
 * handles, and what it does for one event. `react` must be idempotent — it runs at least once per
 * event (again after a crash between the command and the checkpoint) — which a command on a stream
 * whose id derives from the event, refused as `already_exists` the second time, gives for free.
 */
export interface Reaction {
  /** stable name: with `version` it names the checkpoint row (`projection_checkpoints`) and the advisory lock */
  readonly name: string;
  readonly version: number;
  readonly handles: readonly string[];
  react(event: RecordedEvent): Promise<void>;
}

export interface ReactorOptions {
  /** events scanned per window (default 5000; only the handled ones are sent) */
  batchSize?: number;
  /** how long a caught-up reactor waits for an append before reading again (default 100 ms) */
  pollMs?: number;
  /** how often an instance without the lock tries to take it (default 1 s) */
  lockRetryMs?: number;
  /** back-off after a failed event (default 1 s) */
  retryMs?: number;
  logger?: ProjectionLogger;
}

export const reactionLockKey = (reaction: Pick<Reaction, 'name' | 'version'>): string => `reaction:${reaction.name}:v${reaction.version}`;

/**
 * Runs one `Reaction` like the projection runner runs a projection — in exactly one process at a
 * time (advisory lock), from its own checkpoint in `projection_checkpoints` — but outside any
 * read-model transaction: its commands go through the command path (they append to the store,
 * which on PGlite is the same single session), and the checkpoint moves after each batch's
 * commands have been appended. A rebuild of the read models never touches it, so replaying the
 * log opens nothing again; were its checkpoint reset, the derived ids would still refuse twins.
 */
export class Reactor {
  private readonly signal = new StopSignal();
  private loop: Promise<void> | null = null;
  private position: number | null = null;
  private checkpoint: Checkpoint | null = null;
  private failure: unknown = null;
  private readonly options: Required<ReactorOptions>;

  constructor(
    private readonly store: EventStore,
    private readonly sql: SqlClient,
    readonly reaction: Reaction,
    options: ReactorOptions = {},
  ) {
    this.options = {
      batchSize: options.batchSize ?? 5000,
      pollMs: options.pollMs ?? 100,
      lockRetryMs: options.lockRetryMs ?? 1000,
      retryMs: options.retryMs ?? 1000,
      logger: options.logger ?? consoleProjectionLogger,
    };
  }

  /** the global position of the last event it got past in this process (null before the first batch) */
  get lastPosition(): number | null {
    return this.position;
  }

  /** the last error it met (a failed event is retried until done), null once an event after it succeeded */
  get lastError(): unknown {
    return this.failure;
  }

  /**
   * Whether it has got past the event at `position` in this process (the store's commit-visible
   * order: after a bulk import the last event it read need not have the highest position).
   */
  async covers(position: number): Promise<boolean> {
    return this.checkpoint !== null && this.store.covers(this.checkpoint, position);
  }

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.signal.request();
    await this.loop;
  }

  private get label(): string {
    return `reaction ${this.reaction.name} v${this.reaction.version}`;
  }

  private async run(): Promise<void> {
    await ensureCheckpointTable(this.sql);
    const { lockRetryMs, logger } = this.options;
    await runAsLeader(this.sql, reactionLockKey(this.reaction), this.signal, { lockRetryMs, logger, label: this.label }, (lock) =>
      this.follow(lock).catch((error: unknown) => {
        this.failure = error;
        throw error;
      }),
    );
  }

  private async follow(lock: AdvisoryLock): Promise<void> {
    await this.sql.transaction((tx) => registerProjection(tx, this.reaction));
    let checkpoint: Checkpoint | null = (await readCheckpoint(this.sql, this.reaction))?.checkpoint ?? null;
    this.options.logger.log(`${this.label}: running`);
    while (!this.signal.requested && lock.held) {
      // only the handled types come back (the store skips the rest); `end` says where the window stops
      const window = await this.store.readWindow({ after: checkpoint, limit: this.options.batchSize, types: this.reaction.handles });
      if (!window.end) {
        await this.signal.race(this.store.waitForAppend(this.options.pollMs));
        continue;
      }
      for (const event of window.events) await this.reactTo(event);
      if (!lock.held) return;
      const end = window.end;
      await this.storeCheckpoint(end.checkpoint, end.position);
      checkpoint = end.checkpoint;
      this.checkpoint = end.checkpoint;
      this.position = end.position;
    }
  }

  /**
   * Moves its checkpoint. No compare-and-set as a projection's (whose batch must apply once): a
   * reaction runs at least once per event and is idempotent, and the lock keeps one writer.
   */
  private async storeCheckpoint(checkpoint: Checkpoint, position: number): Promise<void> {
    await this.sql.query(
      `UPDATE projection_checkpoints SET checkpoint = $3, position = $4, status = 'live', updated_at = now() WHERE projection = $1 AND version = $2`,
      [this.reaction.name, this.reaction.version, checkpoint, position],
    );
  }

  /** Retries an event until it is done (or the reactor stops): a policy must not skip one. */
  private async reactTo(event: RecordedEvent): Promise<void> {
    for (let failures = 1; ; failures += 1) {
      try {
        await this.reaction.react(event);
        this.failure = null;
        return;
      } catch (error) {
        this.failure = error;
        this.options.logger.error(`${this.label}: event at position ${event.position} failed (${failures}×); retrying`, error);
        if (this.signal.requested) throw error;
        await this.signal.sleep(this.options.retryMs);
      }
    }
  }
}
