import type { RecordedEvent } from '../../event-store.port';
import type { SqlExecutor } from '../../sql/sql-client';
import type { Projection } from '../projection';

/**
 * Test projection: events per stream and a tally per event type. It INCREMENTS on purpose (it is
 * not idempotent), so any batch applied twice shows up as a wrong count. `midBatch` runs between
 * its two statements, where a test makes a batch fail halfway or kills the connection.
 */
export interface TallyOptions {
  name?: string;
  version?: number;
  midBatch?: (tx: SqlExecutor, events: RecordedEvent[]) => Promise<void>;
  /** seconds of pg_sleep per batch, to make a batch slow enough to be killed inside */
  sleepPerBatch?: number;
}

export const TALLY_HANDLES = ['thing.created', 'thing.updated'] as const;

export interface TallyProjection extends Projection {
  readonly streamsTable: string;
  readonly typesTable: string;
}

export function tallyProjection(options: TallyOptions = {}): TallyProjection {
  const name = options.name ?? 'tally';
  const version = options.version ?? 1;
  const streamsTable = `rm_${name}_streams_v${version}`;
  const typesTable = `rm_${name}_types_v${version}`;
  return {
    name,
    version,
    handles: TALLY_HANDLES,
    streamsTable,
    typesTable,
    async setup(tx) {
      await tx.query(
        `CREATE TABLE IF NOT EXISTS ${streamsTable} (stream_id text PRIMARY KEY, events int NOT NULL, last_version int NOT NULL)`,
      );
      await tx.query(`CREATE TABLE IF NOT EXISTS ${typesTable} (type text PRIMARY KEY, events int NOT NULL)`);
    },
    async reset(tx) {
      await tx.query(`TRUNCATE ${streamsTable}, ${typesTable}`);
    },
    async apply(events, tx) {
      const streams = new Map<string, { stream_id: string; n: number; last: number }>();
      const types = new Map<string, number>();
      for (const e of events) {
        const s = streams.get(e.streamId) ?? { stream_id: e.streamId, n: 0, last: 0 };
        streams.set(e.streamId, { ...s, n: s.n + 1, last: Math.max(s.last, e.version) });
        types.set(e.type, (types.get(e.type) ?? 0) + 1);
      }
      await tx.query(
        `INSERT INTO ${streamsTable} AS t (stream_id, events, last_version)
         SELECT stream_id, n, last FROM jsonb_to_recordset($1::jsonb) AS x(stream_id text, n int, last int)
         ON CONFLICT (stream_id) DO UPDATE SET events = t.events + excluded.events, last_version = greatest(t.last_version, excluded.last_version)`,
        [JSON.stringify([...streams.values()])],
      );
      if (options.sleepPerBatch) await tx.query(`SELECT pg_sleep($1)`, [options.sleepPerBatch]);
      await options.midBatch?.(tx, events);
      await tx.query(
        `INSERT INTO ${typesTable} AS t (type, events)
         SELECT type, n FROM jsonb_to_recordset($1::jsonb) AS x(type text, n int)
         ON CONFLICT (type) DO UPDATE SET events = t.events + excluded.events`,
        [JSON.stringify([...types].map(([type, n]) => ({ type, n })))],
      );
    },
  };
}

export interface TallyModel {
  streams: Array<{ stream_id: string; events: number; last_version: number }>;
  types: Array<{ type: string; events: number }>;
}

export async function readTally(db: SqlExecutor, projection: TallyProjection): Promise<TallyModel> {
  return {
    streams: await db.query(`SELECT stream_id, events, last_version FROM ${projection.streamsTable} ORDER BY stream_id COLLATE "C"`),
    types: await db.query(`SELECT type, events FROM ${projection.typesTable} ORDER BY type COLLATE "C"`),
  };
}

/** What the tally must be for these events, computed without the database. */
export function expectedTally(events: readonly RecordedEvent[]): TallyModel {
  const handled = events.filter((e) => (TALLY_HANDLES as readonly string[]).includes(e.type));
  const streams = new Map<string, { stream_id: string; events: number; last_version: number }>();
  const types = new Map<string, number>();
  for (const e of handled) {
    const s = streams.get(e.streamId) ?? { stream_id: e.streamId, events: 0, last_version: 0 };
    streams.set(e.streamId, { stream_id: e.streamId, events: s.events + 1, last_version: Math.max(s.last_version, e.version) });
    types.set(e.type, (types.get(e.type) ?? 0) + 1);
  }
  const byKey =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
  return {
    streams: [...streams.values()].sort(byKey((s) => s.stream_id)),
    types: [...types].map(([type, n]) => ({ type, events: n })).sort(byKey((t) => t.type)),
  };
}
