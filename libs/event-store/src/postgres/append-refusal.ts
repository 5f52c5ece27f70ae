import { AppendResult, DuplicateEventIdError, ExpectedVersion, NewEvent, WrongExpectedVersionError } from '../event-store.port';
import { SqlExecutor } from '../sql/sql-client';
import { STORED_EVENTS_SQL, STREAM_VERSION_SQL } from './event-store.sql';

interface StoredEventRow {
  id: string;
  stream_id: string;
  version: string;
  position: string;
  append_size: number;
}

/** Why an append wrote nothing: a retry (→ its original result), or an error to throw, or a race lost to a rollback (→ try again). */
export type Refusal = { kind: 'retried'; result: AppendResult } | { kind: 'error'; error: Error } | { kind: 'try_again' };

/**
 * Explains an append that wrote nothing, from the committed state: when its event ids are stored,
 * it is a retry if they are exactly one earlier append to this stream, in the same order
 * (same transaction, consecutive versions) — otherwise a duplicate. When none is stored, the
 * stream was not at the expected version.
 */
export async function explainRefusal(
  sql: SqlExecutor,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
): Promise<Refusal> {
  const stored = await sql.query<StoredEventRow>(STORED_EVENTS_SQL, [JSON.stringify(events.map((e) => e.id))]);
  if (stored.length > 0) {
    const result = asSameAppend(streamId, events, stored);
    if (result) return { kind: 'retried', result };
    const storedIds = new Set(stored.map((row) => row.id));
    const first = events.find((e) => storedIds.has(e.id.toLowerCase())) ?? events[0];
    return { kind: 'error', error: new DuplicateEventIdError(streamId, first.id) };
  }
  const [stream] = await sql.query<{ version: string }>(STREAM_VERSION_SQL, [streamId]);
  const actual = stream ? Number(stream.version) : 'no_stream';
  if (satisfies(expected, actual)) return { kind: 'try_again' };
  return { kind: 'error', error: new WrongExpectedVersionError(streamId, expected, actual) };
}

function asSameAppend(streamId: string, events: readonly NewEvent[], stored: StoredEventRow[]): AppendResult | null {
  if (stored.length !== events.length) return null;
  const byVersion = [...stored].sort((a, b) => Number(a.version) - Number(b.version));
  const first = Number(byVersion[0].version);
  const same = byVersion.every(
    (row, i) =>
      row.stream_id === streamId &&
      row.append_size === events.length &&
      row.id === events[i].id.toLowerCase() &&
      Number(row.version) === first + i,
  );
  if (!same) return null;
  const last = byVersion[byVersion.length - 1];
  return { streamId, version: Number(last.version), position: Number(last.position) };
}

export function satisfies(expected: ExpectedVersion, actual: number | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream' || expected === 0) return actual === 'no_stream';
  return actual === expected;
}
