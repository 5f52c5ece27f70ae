import type { AppendResult, NewEvent } from '../event-store.port';
import { isConnectionError } from '../sql/connection-errors';
import type { SqlExecutor } from '../sql/sql-client';
import { APPEND_GROUP_SQL } from './event-store.sql';

export type AppendMode = 'no_stream' | 'any' | 'exact';

/** One `append` call waiting for its group. */
interface Member {
  streamId: string;
  mode: AppendMode;
  expected: number | null;
  events: readonly NewEvent[];
  settle: (written: AppendResult | null, error?: unknown) => void;
}

export interface AppendGroupsOptions {
  /** statements in flight at once; appends that arrive meanwhile wait and go together in the next one */
  concurrency: number;
  /** events per statement at most (default 1000) */
  maxEvents?: number;
}

/**
 * Group commit: concurrent appends written by one statement, so under load a transaction, its
 * commit and its round trip serve many commands. While fewer than `concurrency` statements are in
 * flight an append is sent at once, alone (no added latency when the store is not busy); the
 * appends that arrive while all are in flight wait and are sent together as soon as one finishes.
 *
 * Each append keeps its own outcome: its stream's expected version and its event ids are checked
 * for it alone (`APPEND_GROUP_SQL`), and one refused append writes nothing of its own while the
 * others of its group commit. A group holds each stream at most once (a second append to a stream
 * waits for the next group, so the appends to a stream keep their order). When the group's
 * statement fails as a whole (an id appended concurrently elsewhere, a deadlock with another
 * transaction, a value the server refuses), its appends are written again one by one, so the
 * failure lands on the one it belongs to.
 */
export class AppendGroups {
  private readonly waiting: Member[] = [];
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

  /** Writes the events after the stream's expected version; null when nothing was written (refused, or these ids are stored). */
  write(streamId: string, events: readonly NewEvent[], mode: AppendMode, expected: number | null): Promise<AppendResult | null> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ streamId, mode, expected, events, settle: (written, error) => (error ? reject(error) : resolve(written)) });
      this.send();
    });
  }

  private send(): void {
    while (this.inFlight < this.options.concurrency && this.waiting.length > 0) {
      const group = this.nextGroup();
      this.inFlight++;
      void this.writeGroup(group).finally(() => {
        this.inFlight--;
        this.send();
      });
    }
  }

  /** The waiting appends in arrival order, each stream once, up to `maxEvents` (always at least one). */
  private nextGroup(): Member[] {
    const group: Member[] = [];
    const streams = new Set<string>();
    let events = 0;
    for (let i = 0; i < this.waiting.length;) {
      const member = this.waiting[i];
      const fits = group.length === 0 || events + member.events.length <= this.maxEvents;
      if (!fits) break;
      if (streams.has(member.streamId)) {
        i++;
        continue;
      }
      streams.add(member.streamId);
      events += member.events.length;
      group.push(member);
      this.waiting.splice(i, 1);
    }
    return group;
  }

  private async writeGroup(group: Member[]): Promise<void> {
    try {
      const written = await this.statement(group);
      for (const member of group) member.settle(written.get(member.streamId) ?? null);
    } catch (error) {
      if (group.length > 1 && !isConnectionError(error)) {
        for (const member of group) await this.writeGroup([member]);
        return;
      }
      const duplicate = (error as { code?: unknown }).code === '23505'; // the same ids, appended concurrently
      for (const member of group) member.settle(null, duplicate ? undefined : error);
    }
  }

  private async statement(group: Member[]): Promise<Map<string, AppendResult>> {
    const rows = group.flatMap((member, k) =>
      member.events.map((e, n) => ({
        k,
        s: member.streamId,
        m: member.mode,
        e: member.expected,
        c: member.events.length,
        n: n + 1,
        id: e.id,
        t: e.type,
        sv: e.schemaVersion ?? 1,
        d: e.data,
        md: e.metadata,
      })),
    );
    const result = await this.sql.query<{ stream_id: string; version: string; position: string }>(
      APPEND_GROUP_SQL,
      [JSON.stringify(rows)],
      {
        prepare: 'es_append_group',
      },
    );
    return new Map(
      result.map((row) => [row.stream_id, { streamId: row.stream_id, version: Number(row.version), position: Number(row.position) }]),
    );
  }
}
