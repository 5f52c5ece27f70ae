import { ANY, NO_STREAM, type AppendExpectedRevision, type CurrentRevision, type MetadataType, type Position } from '@eventstore/db-client';
import type { Checkpoint, EventMetadata, ExpectedVersion, NewEvent } from '../event-store.port';

/**
 * Pure translations between the port and EventStoreDB. No I/O here, so all of it is unit-tested.
 *
 * Versions: our version N (first event 1) is ESDB revision N-1 (first event 0n).
 * Positions: ESDB's log position is a byte offset in the transaction file (u64). Events appended
 * without explicit (legacy TCP) transactions — every event this adapter writes — have
 * commit == prepare == their own log position, unique per event and increasing in log order.
 * We hand out the commit position as a JS number and assume the log stays below 2^53 bytes
 * (8 PiB); beyond that `positionToNumber` throws instead of silently losing precision.
 */

export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`invalid expected version ${expected}`);
  // version 0 = a stream with no events, which ESDB calls "no stream"
  return expected === 0 ? NO_STREAM : versionToRevision(expected);
}

export function versionToRevision(version: number): bigint {
  return BigInt(version - 1);
}

export function revisionToVersion(revision: bigint): number {
  return Number(revision + 1n);
}

/** ESDB's "current revision" of a WrongExpectedVersion, as the port's `actual`. */
export function toActualVersion(current: CurrentRevision): number | 'no_stream' {
  return current === NO_STREAM ? 'no_stream' : revisionToVersion(current);
}

export function positionToNumber(commit: bigint): number {
  if (commit < 0n || commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`EventStoreDB position ${commit} does not fit a safe integer`);
  }
  return Number(commit);
}

// ── checkpoints ───────────────────────────────────────────────────────────────────────────────

/** u64 has at most 20 decimal digits; zero-padding makes string order equal position order. */
const DIGITS = 20;
const CHECKPOINT = /^(\d{1,20}):(\d{1,20})$/;

export function encodeCheckpoint(position: Position): Checkpoint {
  if (position.commit < 0n || position.prepare < 0n) throw new RangeError('negative EventStoreDB position');
  const pad = (n: bigint) => n.toString().padStart(DIGITS, '0');
  return `${pad(position.commit)}:${pad(position.prepare)}` as Checkpoint;
}

export function decodeCheckpoint(checkpoint: Checkpoint): Position {
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new TypeError(`not an EventStoreDB checkpoint: ${JSON.stringify(checkpoint)}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** $all is ordered by commit position, then prepare position. */
export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return comparePositions(decodeCheckpoint(a), decodeCheckpoint(b));
}

/**
 * Has a subscriber at `checkpoint` seen the event at `position`? ESDB's log has a single writer
 * and $all is read in log order, so there are no late commits: it has, iff position ≤ commit.
 * From the start (null) nothing is seen; position 0 and below name no event, so they are covered.
 */
export function checkpointCovers(checkpoint: Checkpoint | null, position: number): boolean {
  if (checkpoint === null) return position <= 0;
  return decodeCheckpoint(checkpoint).commit >= BigInt(Math.floor(position));
}

// ── events ────────────────────────────────────────────────────────────────────────────────────

/**
 * ESDB custom metadata of our events. Ours stays in `metadata`, untouched, so it reads back
 * exactly; `$correlationId` / `$causationId` are ESDB's own names, which its system projections
 * (`$by_correlation_id`) understand.
 */
export interface EsdbMetadataEnvelope {
  schemaVersion: number;
  metadata: EventMetadata;
  $correlationId?: string;
  $causationId?: string;
}

export function toEsdbMetadata(event: Pick<NewEvent, 'schemaVersion' | 'metadata'>): EsdbMetadataEnvelope {
  const envelope: EsdbMetadataEnvelope = { schemaVersion: event.schemaVersion ?? 1, metadata: event.metadata };
  if (typeof event.metadata.correlationId === 'string') envelope.$correlationId = event.metadata.correlationId;
  if (typeof event.metadata.causationId === 'string') envelope.$causationId = event.metadata.causationId;
  return envelope;
}

/** Reads our envelope back; events written by others get schema version 1 and their raw metadata. */
export function fromEsdbMetadata(raw: MetadataType | undefined): { schemaVersion: number; metadata: EventMetadata } {
  if (isRecord(raw) && isRecord(raw.metadata) && typeof raw.schemaVersion === 'number') {
    return { schemaVersion: raw.schemaVersion, metadata: raw.metadata as EventMetadata };
  }
  return { schemaVersion: 1, metadata: (isRecord(raw) ? raw : {}) as EventMetadata };
}

/** ESDB's own events ($metadata, $>, $statsCollected, …) and system streams are not ours. */
export function isSystemEvent(type: string, esdbStreamName: string): boolean {
  return type.startsWith('$') || esdbStreamName.startsWith('$');
}

// ── stream names ──────────────────────────────────────────────────────────────────────────────

/**
 * An optional namespace prefixes every stream this store writes, and `readAll` returns only
 * events of its namespace. ESDB cannot be truncated, so tests (or several environments sharing
 * one server) each take a fresh namespace and see only their own events.
 */
export function toEsdbStreamName(namespace: string | undefined, streamId: string): string {
  return namespace ? `${namespace}/${streamId}` : streamId;
}

/** Our stream id, or null when the ESDB stream is outside the namespace. */
export function fromEsdbStreamName(namespace: string | undefined, name: string): string | null {
  if (!namespace) return name;
  const prefix = `${namespace}/`;
  return name.startsWith(prefix) ? name.slice(prefix.length) : null;
}

// ── idempotent retries ────────────────────────────────────────────────────────────────────────

export interface StoredEventRef {
  id: string;
  version: number;
  position: number;
}

export type RetryCheck = { kind: 'new' } | { kind: 'retry'; version: number; position: number } | { kind: 'duplicate'; eventId: string };

/**
 * Decides, from the events already in the stream, what an append of `ids` is: new; a retry of
 * an append already made (every id stored, in the same order, one after another — the original
 * result is the last of them); or a duplicate (some ids stored, or stored otherwise).
 * ESDB normalises UUIDs to lower case, so ids compare case-insensitively.
 */
export function checkRetry(ids: readonly string[], stored: readonly StoredEventRef[]): RetryCheck {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id.toLowerCase())) return { kind: 'duplicate', eventId: id };
    seen.add(id.toLowerCase());
  }
  const byId = new Map(stored.map((event) => [event.id.toLowerCase(), event]));
  const found = ids.map((id) => byId.get(id.toLowerCase()));
  const first = found.findIndex((event) => event !== undefined);
  if (first === -1) return { kind: 'new' };
  if (found.includes(undefined)) return { kind: 'duplicate', eventId: ids[first] };
  const head = found[0]!;
  const inOneRun = found.every((event, i) => event!.version === head.version + i);
  if (!inOneRun) return { kind: 'duplicate', eventId: ids[0] };
  const last = found[found.length - 1]!;
  return { kind: 'retry', version: last.version, position: last.position };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}
