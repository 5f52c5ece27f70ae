/**
 * # The PostgreSQL / PGlite event store
 *
 * One class, the same SQL, over any `SqlClient` (a `pg` pool or an embedded PGlite). Tables:
 * `es_streams` (a stream's version) and `es_events` (see `event-store.schema.ts`).
 *
 * ## How no subscriber skips an event that commits late
 *
 * A global position taken from a sequence is handed out at insert time, not at commit: the
 * transaction that took position 10 can commit after the one that took 11, and a subscriber that
 * already moved past 11 would never see 10. Every event therefore also stores the id of the
 * transaction that wrote it (`transaction_id xid8`), and `readAll`:
 *
 * - returns only events with `transaction_id < pg_snapshot_xmin(pg_current_snapshot())`, i.e.
 *   written by transactions older than the oldest one still running — all of them finished, so
 *   nothing can still appear among them;
 * - orders by the tuple `(transaction_id, position)` and resumes strictly after the subscriber's
 *   checkpoint, which is that tuple (`"<xid>:<position>"`).
 *
 * Any transaction still running, or yet to start, has an xid ≥ that xmin, so each event it will
 * ever commit sorts after every event already returned: a stored checkpoint cannot be overtaken.
 * Ordering by position alone would be wrong even with the xmin filter, because xids and positions
 * are not taken in the same order (a transaction gets its xid at its first write and its positions
 * later): an event with a smaller xid but a larger position can become visible first.
 * `covers(checkpoint, position)` compares the event's tuple with the checkpoint in the same order.
 *
 * The price: one long transaction anywhere on the server (any database) holds `readAll` back
 * until it ends. Nothing is lost, subscribers just wait.
 *
 * Appends to one stream are serialized by a transaction-level advisory lock taken before the xid
 * is assigned, so within a stream that order always agrees with the version order.
 */
import { EventEmitter } from 'node:events';
import {
  AppendResult,
  Checkpoint,
  EventStore,
  EventStoreUnavailableError,
  ExpectedVersion,
  NewEvent,
  NewStream,
  NewStreamsAppended,
  LogWindow,
  ReadAllOptions,
  ReadWindowOptions,
  RecordedEvent,
  StreamGuard,
} from '../event-store.port';
import { isConnectionError } from '../sql/connection-errors';
import { SqlClient } from '../sql/sql-client';
import { appendGuardedStreams } from './append-guarded-streams';
import { AppendGroups, AppendMode } from './append-groups';
import { explainRefusal } from './append-refusal';
import { compareTxPositions, decodeCheckpoint, encodeCheckpoint, TxPosition } from './checkpoint';
import { READ_ALL_SQL, READ_STREAM_SQL, READ_WINDOW_SQL, STREAM_POSITION_SQL, TXID_AT_POSITION_SQL } from './event-store.sql';
import { EventRow, toRecordedEvent, WindowRow } from './event-row';

const MAX_ATTEMPTS = 3;

export class PostgresEventStore implements EventStore {
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private lastWake = 0;
  private wakeTimer: NodeJS.Timeout | null = null;
  private readonly groups: AppendGroups;

  /**
   * The caller owns `sql` (it is shared with the projections) and closes it; the schema must exist (`ensureEventStoreSchema`).
   * `wakeEveryMs`: `waitForAppend` wakes at most this often — the first append after a quiet spell at once, the
   * appends within that time of the last wake together at its end (default 0: every append at once).
   * `appendConcurrency`: append statements in flight at once; the appends that arrive while that many are
   * in flight are written together by the next (group commit, see `AppendGroups`). Default 4 on a server;
   * 16 on PGlite, which runs one statement at a time in arrival order, so an append held back for a group
   * would wait through that queue twice.
   */
  constructor(
    private readonly sql: SqlClient,
    private readonly options: { wakeEveryMs?: number; appendConcurrency?: number } = {},
  ) {
    this.groups = new AppendGroups(sql, { concurrency: options.appendConcurrency ?? (sql.kind === 'pglite' ? 16 : 4) });
  }

  /** Appends waiting for a statement of their own group while others are in flight (the `/metrics` gauge). */
  get appendsWaiting(): number {
    return this.groups.waiting;
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events`);
    if (new Set(events.map((e) => e.id.toLowerCase())).size !== events.length)
      throw new Error(`append to ${streamId}: an event id repeats`);
    const { mode, version } = expectationOf(options.expectedVersion);
    for (let attempt = 1; ; attempt++) {
      const written = await this.run(() => this.groups.write(streamId, events, mode, version));
      if (written) {
        this.wake();
        return written;
      }
      const refusal = await this.run(() => explainRefusal(this.sql, streamId, events, options.expectedVersion));
      if (refusal.kind === 'retried') return refusal.result;
      if (refusal.kind === 'error') throw refusal.error;
      if (attempt >= MAX_ATTEMPTS) throw new Error(`append to ${streamId}: refused ${attempt} times for no visible reason`);
    }
  }

  /** One transaction: all or nothing (see `appendGuardedStreams`). */
  async appendNewStreams(streams: readonly NewStream[], options: { guards?: readonly StreamGuard[] } = {}): Promise<NewStreamsAppended> {
    const written = await this.run(() => appendGuardedStreams(this.sql, streams, options.guards ?? []));
    this.wake();
    return written;
  }

  async readStream(streamId: string, options: { fromVersion?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    const rows = await this.run(() =>
      this.sql.query<EventRow>(READ_STREAM_SQL, [streamId, options.fromVersion ?? 1, options.limit ?? null], { prepare: 'es_read_stream' }),
    );
    return rows.map(toRecordedEvent);
  }

  async streamPosition(streamId: string): Promise<number | null> {
    const [row] = await this.run(() =>
      this.sql.query<{ position: string }>(STREAM_POSITION_SQL, [streamId], { prepare: 'es_stream_position' }),
    );
    return row ? Number(row.position) : null;
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const after = startOf('readAll', options);
    const rows = await this.run(() =>
      this.sql.query<EventRow>(READ_ALL_SQL, [after.txid.toString(), after.position.toString(), options.limit], { prepare: 'es_read_all' }),
    );
    return rows.map(toRecordedEvent);
  }

  async readWindow(options: ReadWindowOptions): Promise<LogWindow> {
    const after = startOf('readWindow', options);
    const rows = await this.run(() =>
      this.sql.query<WindowRow>(
        READ_WINDOW_SQL,
        [
          after.txid.toString(),
          after.position.toString(),
          options.limit,
          options.types ? JSON.stringify(options.types) : null,
          options.withoutData === true,
        ],
        { prepare: 'es_read_window' },
      ),
    );
    const tail = rows[rows.length - 1];
    if (!tail) return { events: [], scanned: 0, end: null };
    if (!tail.wanted) rows.pop();
    const [txid, position] = tail.window_end!.split(':');
    return {
      events: rows.map(toRecordedEvent),
      scanned: tail.scanned!,
      end: { checkpoint: encodeCheckpoint(txid, position), position: Number(position) },
    };
  }

  async covers(checkpoint: Checkpoint | null, position: number): Promise<boolean> {
    if (checkpoint == null) return false;
    const [row] = await this.run(() => this.sql.query<{ txid: string }>(TXID_AT_POSITION_SQL, [position], { prepare: 'es_txid_at' }));
    if (!row) return false;
    return compareTxPositions({ txid: BigInt(row.txid), position: BigInt(position) }, decodeCheckpoint(checkpoint)) <= 0;
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return compareTxPositions(decodeCheckpoint(a), decodeCheckpoint(b));
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.appended.off('append', done);
        this.appended.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.appended.once('append', done);
      this.appended.once('close', done);
    });
  }

  async ping(): Promise<void> {
    await this.run(() => this.sql.query('SELECT 1'));
  }

  /** Wakes every `waitForAppend`; the `SqlClient` is closed by its owner. */
  async close(): Promise<void> {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.appended.emit('close');
  }

  /** Tells the waiters of an append, at once or, within `wakeEveryMs` of the last time, at its end. */
  private wake(): void {
    const every = this.options.wakeEveryMs ?? 0;
    if (this.wakeTimer) return;
    const wait = this.lastWake + every - performance.now();
    const emit = () => {
      this.wakeTimer = null;
      this.lastWake = performance.now();
      this.appended.emit('append');
    };
    if (wait <= 0) emit();
    else this.wakeTimer = setTimeout(emit, wait);
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      throw isConnectionError(error) ? new EventStoreUnavailableError(error) : error;
    }
  }
}

function expectationOf(expected: ExpectedVersion): { mode: AppendMode; version: number | null } {
  if (expected === 'no_stream' || expected === 0) return { mode: 'no_stream', version: null };
  if (expected === 'any') return { mode: 'any', version: null };
  if (!Number.isSafeInteger(expected) || expected < 0)
    throw new Error(`expectedVersion must be 'no_stream', 'any' or a version ≥ 0, got ${expected}`);
  return { mode: 'exact', version: expected };
}

/** Where a read of the log starts (after the checkpoint), once its limit is known to be a positive integer. */
function startOf(method: string, options: ReadAllOptions): TxPosition {
  if (!Number.isInteger(options.limit) || options.limit < 1)
    throw new Error(`${method}: limit must be a positive integer, got ${options.limit}`);
  return decodeCheckpoint(options.after);
}
