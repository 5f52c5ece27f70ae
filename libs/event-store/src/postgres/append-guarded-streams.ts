import { type NewStream, type NewStreamsAppended, type StreamGuard, WrongExpectedVersionError } from '../event-store.port';
import type { SqlClient, SqlExecutor } from '../sql/sql-client';
import { appendNewStreams } from './append-new-streams';
import { STREAM_LOCK_CLASS } from './event-store.schema';

/**
 * `EventStore.appendNewStreams` on PostgreSQL / PGlite: ONE transaction, all or nothing.
 *
 * 0. When every stream already begins with exactly these events (the retry of a call that
 *    succeeded, also after those streams moved on), their results are returned: nothing is written.
 * 1. The guard streams are locked with the same transaction-level advisory lock as `append` takes
 *    (in the order of the lock keys, as a group of appends takes them, so no two transactions lock
 *    the same streams in opposite orders) and their versions read:
 *    an append to a guard (a matter suspended meanwhile) either committed before — then its version
 *    shows and the call is refused — or waits until this transaction ends.
 * 2. A guard at another version refuses the call (`WrongExpectedVersionError`).
 * 3. `appendNewStreams` writes the new streams in one statement; a stream that exists with other
 *    events rolls the whole transaction back.
 */
export async function appendGuardedStreams(
  sql: SqlClient,
  streams: readonly NewStream[],
  guards: readonly StreamGuard[],
): Promise<NewStreamsAppended> {
  if (streams.length === 0) throw new Error('appendNewStreams: no streams');
  return sql.transaction(async (tx) => {
    const stored = await storedResults(tx, streams);
    if (stored) return summary(stored, []);
    const mismatch = await lockAndCheck(tx, guards);
    if (mismatch)
      throw new WrongExpectedVersionError(mismatch.streamId, mismatch.version === 0 ? 'no_stream' : mismatch.version, mismatch.actual);
    const { created } = await appendNewStreams(tx, streams);
    return summary((await storedResults(tx, streams))!, created);
  });
}

async function lockAndCheck(
  tx: SqlExecutor,
  guards: readonly StreamGuard[],
): Promise<(StreamGuard & { actual: number | 'no_stream' }) | null> {
  if (guards.length === 0) return null;
  const sorted = [...guards].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  const ids = JSON.stringify(sorted.map((g) => g.streamId));
  await tx.query(
    `SELECT pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, ordered.key)
     FROM (SELECT DISTINCT hashtext(s) AS key FROM jsonb_array_elements_text($1::jsonb) AS g(s) ORDER BY key) ordered`,
    [ids],
  );
  const rows = await tx.query<{ stream_id: string; version: string }>(
    'SELECT stream_id, version::text FROM es_streams WHERE stream_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [ids],
  );
  const versions = new Map(rows.map((row) => [row.stream_id, Number(row.version)]));
  for (const guard of sorted) {
    const actual = versions.get(guard.streamId) ?? 0;
    if (actual !== guard.version) return { ...guard, actual: actual === 0 ? 'no_stream' : actual };
  }
  return null;
}

/** Each stream's version and position after the given events, when every stream begins with exactly them (else null). */
async function storedResults(tx: SqlExecutor, streams: readonly NewStream[]): Promise<NewStreamsAppended['streams'] | null> {
  const rows = await tx.query<{ stream_id: string; ids: string[]; positions: string[] }>(
    `SELECT stream_id, array_agg(event_id::text ORDER BY version) AS ids, array_agg(position::text ORDER BY version) AS positions
     FROM es_events WHERE stream_id IN (SELECT jsonb_array_elements_text($1::jsonb)) GROUP BY stream_id`,
    [JSON.stringify(streams.map((s) => s.streamId))],
  );
  const byStream = new Map(rows.map((row) => [row.stream_id, row]));
  const results = [];
  for (const { streamId, events } of streams) {
    const row = byStream.get(streamId);
    if (!row || row.ids.length < events.length || !events.every((e, i) => e.id.toLowerCase() === row.ids[i])) return null;
    results.push({ streamId, version: events.length, position: Number(row.positions[events.length - 1]) });
  }
  return results;
}

const summary = (streams: NewStreamsAppended['streams'], created: string[]): NewStreamsAppended => ({
  streams,
  created,
  position: Math.max(...streams.map((s) => s.position)),
});
