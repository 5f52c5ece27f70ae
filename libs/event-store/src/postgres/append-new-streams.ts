import { DuplicateEventIdError, type NewStream, WrongExpectedVersionError } from '../event-store.port';
import type { SqlExecutor } from '../sql/sql-client';

export interface NewStreamsResult {
  /** streams written by this call */
  created: string[];
  /** streams already stored with exactly these event ids (an import run again): left as they are */
  alreadyStored: string[];
  /** global position of the last event written (0 when nothing was written) */
  position: number;
}

/**
 * Many new streams in ONE statement (one round trip, atomic): the bulk path for migrating
 * historical records, where a command-per-round-trip append would take hours. Every stream is
 * appended with a `no_stream` expectation.
 *
 * - `es_streams` rows are inserted with ON CONFLICT DO NOTHING: a stream that exists already is
 *   not written; it is `alreadyStored` when its stored event ids are exactly the given ones (a
 *   re-run of the import), otherwise the whole call fails with `WrongExpectedVersionError` — run it
 *   inside a transaction (`SqlClient.transaction`) to roll back the rest with it.
 * - A given event id stored under another stream fails the statement on the unique event id
 *   (23505) and is reported as `DuplicateEventIdError`.
 * - Commit order: all events of the call share one transaction id, each stream's events take
 *   consecutive positions in version order, so `readAll`'s (transaction id, position) order agrees
 *   with every stream's versions. No per-stream advisory lock is taken (thousands per
 *   transaction would exhaust the lock table): a concurrent append to one of these streams waits
 *   on its `es_streams` row instead and then sees the stream as existing.
 */
export async function appendNewStreams(sql: SqlExecutor, streams: readonly NewStream[]): Promise<NewStreamsResult> {
  if (streams.length === 0) return { created: [], alreadyStored: [], position: 0 };
  const rows = streams.flatMap(({ streamId, events }) => {
    if (events.length === 0) throw new Error(`append to ${streamId}: no events`);
    return events.map((e, index) => ({
      s: streamId,
      v: index + 1,
      id: e.id,
      t: e.type,
      sv: e.schemaVersion ?? 1,
      d: e.data,
      m: e.metadata,
    }));
  });
  if (new Set(streams.map((s) => s.streamId)).size !== streams.length) throw new Error('appendNewStreams: a stream repeats');
  let written: { created: string[] | null; position: string | null }[];
  try {
    written = await sql.query(APPEND_NEW_STREAMS_SQL, [JSON.stringify(rows)]);
  } catch (error) {
    if ((error as { code?: unknown }).code === '23505') throw new DuplicateEventIdError(streams[0].streamId, 'one of the bulk events');
    throw error;
  }
  const created = new Set(written[0]?.created ?? []);
  const existing = streams.filter((s) => !created.has(s.streamId));
  if (existing.length > 0) await assertSameEvents(sql, existing);
  return {
    created: [...created],
    alreadyStored: existing.map((s) => s.streamId),
    position: Number(written[0]?.position ?? 0),
  };
}

/** Streams that existed before: a re-run of the same import is fine, anything else is refused. */
async function assertSameEvents(sql: SqlExecutor, streams: readonly NewStream[]): Promise<void> {
  const stored = await sql.query<{ stream_id: string; ids: string[] }>(
    `SELECT stream_id, array_agg(event_id::text ORDER BY version) AS ids FROM es_events
     WHERE stream_id IN (SELECT jsonb_array_elements_text($1::jsonb)) GROUP BY stream_id`,
    [JSON.stringify(streams.map((s) => s.streamId))],
  );
  const byStream = new Map(stored.map((row) => [row.stream_id, row.ids]));
  for (const stream of streams) {
    const ids = byStream.get(stream.streamId) ?? [];
    const same = ids.length === stream.events.length && stream.events.every((e, i) => e.id.toLowerCase() === ids[i]);
    if (!same) throw new WrongExpectedVersionError(stream.streamId, 'no_stream', ids.length);
  }
}

/**
 * $1: JSON array of {s: stream id, v: version, id, t: type, sv: schema version, d: data, m: metadata}.
 * Creates the streams that do not exist, writes their events in (stream, version) order, and
 * answers which streams it created and the last position written.
 */
const APPEND_NEW_STREAMS_SQL = `
WITH input AS (
  SELECT s, v, id, t, sv, d, m FROM jsonb_to_recordset($1::jsonb) AS x(s text, v bigint, id uuid, t text, sv int, d jsonb, m jsonb)
),
created AS (
  INSERT INTO es_streams (stream_id, version)
  SELECT s, max(v) FROM input GROUP BY s
  ON CONFLICT (stream_id) DO NOTHING
  RETURNING stream_id
),
written AS (
  INSERT INTO es_events (event_id, stream_id, version, type, schema_version, data, metadata)
  SELECT i.id, i.s, i.v, i.t, i.sv, i.d, i.m FROM input i JOIN created c ON c.stream_id = i.s
  ORDER BY i.s, i.v
  RETURNING position
)
SELECT (SELECT array_agg(stream_id) FROM created) AS created, (SELECT max(position)::text FROM written) AS position`;
