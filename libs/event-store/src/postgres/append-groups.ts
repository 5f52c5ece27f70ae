import type { AppendResult, NewEvent } from '../event-store.port';
import type { SqlExecutor } from '../sql/sql-client';
import { APPEND_GROUP_SQL } from './event-store.sql';

export type AppendMode = 'no_stream' | 'any' | 'exact';

/** One `append` call waiting for its group: its rows already serialized (a value JSON cannot hold fails that call alone). */
interface Member {
  streamId: string;
  rows: string;
  events: number;
  resolve: (written: AppendResult | null) => void;
  reject: (error: unknown) => void;
}

export interface AppendGroupsOptions {
  /** statements in flight at once; appends that arrive meanwhile wait and go together in the next one */
  concurrency: number;
  /** events per statement at most (default 1000; a bigger append goes alone) */
  maxEvents?: number;
}

/**
 * Group commit: concurrent appends written by one statement, so under load a transaction, its
 * commit and its round trip serve many commands. While fewer than `concurrency` statements are in
 * flight an append is sent at once, alone (no added latency when the store is not busy); the
 * appends that arrive while all are in flight wait and are sent together as soon as one finishes.
 *
 * Each append keeps its own outcome: its stream's expected version and its event ids are checked
 * for it alone (`APPEND_GROUP_SQL`), and a refused append writes nothing of its own while the
 * others of its group commit. A stream is in at most one statement at a time: an append to a
 * stream already being written waits for that statement to end, so the appends to a stream keep
 * their order, and a stream whose lock another transaction holds holds up one statement, not all.
 * When a statement fails as a whole on one append's account (a value the server refuses, an id
 * appended concurrently elsewhere, a deadlock), its appends are written again one by one, so the
 * failure lands on the one it belongs to.
 */
export class AppendGroups {
  private readonly queue: Member[] = [];
  /** streams in a statement now */
  private readonly writing = new Set<string>();
  private inFlight = 0;
  private readonly maxEvents: number;

  constructor(
    private readonly sql: SqlExecutor,
    private readonly options: AppendGroupsOptions,
  ) {
    if (!Number.isInteger(options.concurrency) || options.concurrency < 1)
      throw new Error(`append concurrency must be a positive integer, got ${options.concurrency}`);
    this.maxEvents = options.maxEvents ?? 1000;
  }

  /** Appends waiting for a statement (not yet sent). */
  get waiting(): number {
    return this.queue.length;
  }

  /** Writes the events after the stream's expected version; null when nothing was written (refused, or these ids are stored). */
  write(streamId: string, events: readonly NewEvent[], mode: AppendMode, expected: number | null): Promise<AppendResult | null> {
    return new Promise((resolve, reject) => {
      const rows = events
        .map((e, n) =>
          JSON.stringify({
            s: streamId,
            m: mode,
            e: expected,
            c: events.length,
            n: n + 1,
            id: e.id,
            t: e.type,
            sv: e.schemaVersion ?? 1,
            d: e.data,
            md: e.metadata,
          }),
        )
        .join(',');
      this.queue.push({ streamId, rows, events: events.length, resolve, reject });
      this.send();
    });
  }

  private send(): void {
    while (this.inFlight < this.options.concurrency) {
      const group = this.nextGroup();
      if (group.length === 0) return;
      this.inFlight++;
      for (const member of group) this.writing.add(member.streamId);
      void this.writeGroup(group).finally(() => {
        for (const member of group) this.writing.delete(member.streamId);
        this.inFlight--;
        this.send();
      });
    }
  }

  /** The waiting appends in arrival order whose streams are not being written, each stream once, up to `maxEvents` (at least one). */
  private nextGroup(): Member[] {
    const group: Member[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.queue.length;) {
      const member = this.queue[i];
      if (group.length > 0 && events + member.events > this.maxEvents) break;
      if (streams.has(member.streamId) || this.writing.has(member.streamId)) {
        streams.add(member.streamId); // a later append to this stream waits too: the stream's order holds
        i++;
        continue;
      }
      streams.add(member.streamId);
      events += member.events;
      group.push(member);
      this.queue.splice(i, 1);
    }
    return group;
  }

  private async writeGroup(group: Member[]): Promise<void> {
    try {
      const written = await this.statement(group);
      for (const member of group) member.resolve(written.get(member.streamId) ?? null);
    } catch (error) {
      if (group.length > 1 && onOneAppendsAccount(error)) {
        for (const member of group) await this.writeGroup([member]);
        return;
      }
      // the same ids, appended concurrently: the caller tells a retry from a duplicate
      if (sqlState(error) === '23505') for (const member of group) member.resolve(null);
      else for (const member of group) member.reject(error);
    }
  }

  private async statement(group: Member[]): Promise<Map<string, AppendResult>> {
    const rows = `[${group.map((member) => member.rows).join(',')}]`;
    const result = await this.sql.query<{ stream_id: string; version: string; position: string }>(APPEND_GROUP_SQL, [rows], {
      prepare: 'es_append_group',
    });
    return new Map(
      result.map((row) => [row.stream_id, { streamId: row.stream_id, version: Number(row.version), position: Number(row.position) }]),
    );
  }
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Data exceptions (22…), constraint violations (23…) and deadlocks: one append's doing. Anything else fails its whole group. */
function onOneAppendsAccount(error: unknown): boolean {
  const state = sqlState(error);
  return state !== undefined && (state.startsWith('22') || state.startsWith('23') || state === '40P01');
}
