import { EventEmitter } from 'node:events';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError as EsdbWrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position,
  type RecordedEvent as EsdbRecordedEvent,
  type ResolvedEvent,
} from '@eventstore/db-client';
import {
  DuplicateEventIdError,
  EventStoreUnavailableError,
  WrongExpectedVersionError,
  type AppendResult,
  type Checkpoint,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type NewStream,
  type NewStreamsAppended,
  type StreamGuard,
  type LogWindow,
  type ReadAllOptions,
  type ReadWindowOptions,
  type RecordedEvent,
} from '../event-store.port';
import { windowOf } from '../log-window';
import { isUnavailable } from './esdb-errors';
import {
  checkRetry,
  checkpointCovers,
  compareCheckpoints,
  comparePositions,
  decodeCheckpoint,
  encodeCheckpoint,
  fromEsdbMetadata,
  fromEsdbStreamName,
  isSystemEvent,
  positionToNumber,
  revisionToVersion,
  toActualVersion,
  toEsdbMetadata,
  toEsdbStreamName,
  toExpectedRevision,
  versionToRevision,
  type StoredEventRef,
} from './esdb-mapping';

/** how often an 'any' append retries with the version it read before it appends with ANY */
const ANY_RACES = 20;

export interface EsdbEventStoreOptions {
  /** prefixes every stream; `readAll` returns only this namespace's events (see `toEsdbStreamName`) */
  namespace?: string;
  /** deadline of `ping`, default 2000 ms */
  pingTimeoutMs?: number;
  /** events fetched per `$all` page, default 512 */
  pageSize?: number;
}

/**
 * The event-store port over EventStoreDB (`@eventstore/db-client`, gRPC).
 *
 * - Streams map one to one (optionally under a namespace); our version N is ESDB revision N-1.
 * - Commit-visible order is ESDB's log order: a single writer appends the transaction file and
 *   `$all` is read in it, so no event can commit "late" behind a subscriber's checkpoint.
 *   A checkpoint is the event's `commit:prepare` log position; `position` its commit position
 *   (see `esdb-mapping.ts` for the 2^53 assumption).
 * - Event ids are the ESDB event ids. ESDB checks ids only for a retry at the same expected
 *   revision (best effort for ANY), not for a retry after the stream moved on nor for a partial
 *   overlap, so `append` first reads the stream's ids to give the port's semantics. That costs a
 *   read of the stream per append — fine for aggregate-sized streams, which is what we store.
 *   Uniqueness of ids *across* streams is NOT enforced: ESDB has no index by event id.
 * - After a successful append the last event is read back for its position (ESDB answers with the
 *   position of the write), so an append is three round trips.
 * - `waitForAppend` wakes on appends made through this instance only; other writers are seen
 *   when its timeout elapses.
 */
export class EsdbEventStore implements EventStore {
  private readonly signal = new EventEmitter().setMaxListeners(0);
  private closed = false;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {}

  /** e.g. `esdb://localhost:2113?tls=false` */
  static connect(connectionString: string, options: EsdbEventStoreOptions = {}): EsdbEventStore {
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new RangeError(`append to ${streamId}: no events`));
    return this.guard(async () => {
      const name = toEsdbStreamName(this.options.namespace, streamId);
      const ids = events.map((event) => event.id);
      const data = events.map(toEventData);
      for (let attempt = 1; ; attempt++) {
        const stored = await this.readRefs(name);
        const earlier = this.resolveRetry(streamId, ids, stored);
        if (earlier) return earlier;
        const expected = revisionToSend(options.expectedVersion, stored, attempt);
        try {
          const result = await this.client.appendToStream(name, data, { expectedRevision: expected });
          return await this.appended(streamId, name, ids, result.nextExpectedRevision);
        } catch (error) {
          if (!(error instanceof EsdbWrongExpectedVersionError)) throw error;
          if (options.expectedVersion === 'any') continue; // read again, try again
          // a concurrent retry of this very append may have won the race
          const retried = this.resolveRetry(streamId, ids, await this.readRefs(name));
          if (retried) return retried;
          throw new WrongExpectedVersionError(streamId, options.expectedVersion, toActualVersion(error.actualVersion));
        }
      }
    });
  }

  /**
   * NOT atomic: EventStoreDB has no transaction across streams. Made safe in honest steps instead:
   *
   * 1. Each stream's stored ids are read; when every stream already holds exactly the given events
   *    (a retry of a call that completed) their results are returned, nothing is written.
   * 2. Only when none of the streams is written yet are the guards checked (each guard stream's
   *    version read): a mismatch refuses the call with nothing written. Between that check and the
   *    writes there is a window in which a guard may still move: the check is best effort here.
   * 3. The streams are appended one by one, in the order given, each with `no_stream` (the caller
   *    puts the member streams first and the stream that records the whole last). A crash or an
   *    error part-way leaves the first streams written and the rest not; the call then throws, and
   *    the retry with the same (derived) ids completes it: the written streams are recognised as
   *    retries, the rest appended, without checking the guards again (the whole was already
   *    decided and partly recorded; undoing it is not possible on an append-only log).
   */
  appendNewStreams(streams: readonly NewStream[], options: { guards?: readonly StreamGuard[] } = {}): Promise<NewStreamsAppended> {
    return this.guard(async () => {
      const stored = await Promise.all(
        streams.map(async ({ streamId, events }) => {
          const refs = await this.readRefs(toEsdbStreamName(this.options.namespace, streamId));
          return refs.length === 0
            ? null
            : this.resolveRetry(
                streamId,
                events.map((e) => e.id),
                refs,
              );
        }),
      );
      if (stored.every((result) => result === null)) await this.checkGuards(options.guards ?? []);
      const results: AppendResult[] = [];
      const created: string[] = [];
      for (const [index, { streamId, events }] of streams.entries()) {
        const earlier = stored[index];
        if (!earlier) created.push(streamId);
        results.push(earlier ?? (await this.append(streamId, events, { expectedVersion: 'no_stream' })));
      }
      return { streams: results, position: Math.max(...results.map((r) => r.position)), created };
    });
  }

  private async checkGuards(guards: readonly StreamGuard[]): Promise<void> {
    for (const guard of guards) {
      const actual = (await this.readRefs(toEsdbStreamName(this.options.namespace, guard.streamId))).length;
      if (actual !== guard.version)
        throw new WrongExpectedVersionError(
          guard.streamId,
          guard.version === 0 ? 'no_stream' : guard.version,
          actual === 0 ? 'no_stream' : actual,
        );
    }
  }

  readStream(streamId: string, options: { fromVersion?: number; limit?: number } = {}): Promise<RecordedEvent[]> {
    return this.guard(async () => {
      const name = toEsdbStreamName(this.options.namespace, streamId);
      const fromVersion = Math.max(1, options.fromVersion ?? 1);
      if (options.limit !== undefined && options.limit <= 0) return [];
      const events: RecordedEvent[] = [];
      for await (const resolved of this.readFrom(name, versionToRevision(fromVersion), options.limit)) {
        const event = resolved.event;
        if (event) events.push(toRecorded(event, streamId, positionOf(resolved)));
      }
      return events;
    });
  }

  /** The stream's last event, read backwards from its end. */
  streamPosition(streamId: string): Promise<number | null> {
    return this.guard(async () => {
      const name = toEsdbStreamName(this.options.namespace, streamId);
      try {
        for await (const resolved of this.client.readStream(name, { fromRevision: END, direction: BACKWARDS, maxCount: 1 })) {
          if (resolved.event) return positionToNumber(positionOf(resolved).commit);
        }
      } catch (error) {
        if (error instanceof StreamNotFoundError) return null;
        throw error;
      }
      return null;
    });
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.guard(async () => {
      const events: RecordedEvent[] = [];
      if (options.limit <= 0) return events;
      const pageSize = Math.max(options.limit + 1, this.options.pageSize ?? 512);
      // ESDB reads $all from a position inclusively: skip everything up to the cursor
      let cursor: Position | null = options.after ? decodeCheckpoint(options.after) : null;
      for (;;) {
        let read = 0;
        for await (const resolved of this.client.readAll({
          fromPosition: cursor ?? START,
          maxCount: pageSize,
          direction: FORWARDS,
        })) {
          read++;
          const event = resolved.event;
          if (!event) continue;
          if (cursor && comparePositions(event.position, cursor) <= 0) continue;
          cursor = event.position;
          const streamId = fromEsdbStreamName(this.options.namespace, event.streamId);
          if (streamId === null || isSystemEvent(event.type, event.streamId)) continue;
          events.push(toRecorded(event, streamId, event.position));
          if (events.length === options.limit) return events;
        }
        if (read < pageSize) return events; // reached the end of $all
      }
    });
  }

  /** Read whole and filtered here (a server-side filter of $all would send less; not tried without a server). */
  async readWindow(options: ReadWindowOptions): Promise<LogWindow> {
    return windowOf(await this.readAll(options), options);
  }

  async covers(checkpoint: Checkpoint | null, position: number): Promise<boolean> {
    return checkpointCovers(checkpoint, position);
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return compareCheckpoints(a, b);
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.signal.off('append', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.signal.on('append', done);
    });
  }

  /**
   * Reads the last event of $all. The client gives reads no deadline (it forces `Infinity`), so a
   * server that accepts connections but never answers would hang it: we time it out ourselves.
   */
  ping(): Promise<void> {
    return this.guard(async () => {
      const timeoutMs = this.options.pingTimeoutMs ?? 2000;
      const read = this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
      const drained = (async () => {
        for await (const _ of read) break;
      })();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new EventStoreUnavailableError(new Error(`no answer to ping within ${timeoutMs} ms`))), timeoutMs);
      });
      try {
        await Promise.race([drained, timedOut]);
      } finally {
        clearTimeout(timer);
        drained.catch(() => undefined); // a cancelled read may still reject; it has been answered
        read.cancel().catch(() => undefined);
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.signal.emit('append'); // wake waiting subscribers so they can stop
    await this.client.dispose();
  }

  /** `fromRevision` onwards, oldest first; nothing when the stream does not exist. */
  private async *readFrom(name: string, fromRevision: bigint, limit?: number): AsyncGenerator<ResolvedEvent> {
    try {
      yield* this.client.readStream(name, { fromRevision, direction: FORWARDS, ...(limit === undefined ? {} : { maxCount: limit }) });
    } catch (error) {
      if (error instanceof StreamNotFoundError) return;
      throw error;
    }
  }

  private async readRefs(name: string, fromRevision = 0n, limit?: number): Promise<StoredEventRef[]> {
    const refs: StoredEventRef[] = [];
    for await (const resolved of this.readFrom(name, fromRevision, limit)) {
      const event = resolved.event;
      if (!event) continue;
      refs.push({ id: event.id, version: revisionToVersion(event.revision), position: positionToNumber(positionOf(resolved).commit) });
    }
    return refs;
  }

  /** The original result when `ids` were appended before; throws when they were, but not as one append. */
  private resolveRetry(streamId: string, ids: readonly string[], stored: readonly StoredEventRef[]): AppendResult | null {
    const check = checkRetry(ids, stored);
    if (check.kind === 'duplicate') throw new DuplicateEventIdError(streamId, check.eventId);
    return check.kind === 'retry' ? { streamId, version: check.version, position: check.position } : null;
  }

  /**
   * The append answer's position is that of the write, not necessarily of its last event: read
   * the last event back, which also confirms that what ESDB acknowledged is ours.
   */
  private async appended(streamId: string, name: string, ids: readonly string[], lastRevision: bigint): Promise<AppendResult> {
    const [last] = await this.readRefs(name, lastRevision, 1);
    if (last?.id.toLowerCase() !== ids[ids.length - 1].toLowerCase()) {
      const retried = this.resolveRetry(streamId, ids, await this.readRefs(name));
      if (!retried) throw new Error(`EventStoreDB acknowledged an append to ${name} at revision ${lastRevision} that is not there`);
      return retried;
    }
    this.signal.emit('append');
    return { streamId, version: last.version, position: last.position };
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw isUnavailable(error) ? new EventStoreUnavailableError(error) : error;
    }
  }
}

/**
 * 'any' is sent as the version just read, so that ESDB's own id check (exact at an exact revision,
 * only best effort at ANY) makes concurrent retries idempotent; after many lost races, as ANY.
 */
function revisionToSend(expected: ExpectedVersion, stored: readonly StoredEventRef[], attempt: number): AppendExpectedRevision {
  if (expected !== 'any') return toExpectedRevision(expected);
  return attempt <= ANY_RACES ? toExpectedRevision(stored.at(-1)?.version ?? 0) : ANY;
}

function toEventData(event: NewEvent): EventData {
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: (event.data ?? null) as JSONType,
    metadata: toEsdbMetadata(event) as unknown as JSONType,
  };
}

function toRecorded(event: EsdbRecordedEvent, streamId: string, position: Position): RecordedEvent {
  const { schemaVersion, metadata } = fromEsdbMetadata(event.metadata);
  return {
    id: event.id,
    streamId,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
    version: revisionToVersion(event.revision),
    position: positionToNumber(position.commit),
    checkpoint: encodeCheckpoint(position),
    recordedAt: event.created.toISOString(),
  };
}

/** Stream reads carry the event's log position on servers ≥ 22.6; older ones only the commit position. */
function positionOf(resolved: ResolvedEvent): Position {
  const position = resolved.event?.position;
  if (position) return position;
  if (resolved.commitPosition !== undefined) return { commit: resolved.commitPosition, prepare: resolved.commitPosition };
  throw new Error('EventStoreDB returned an event without a log position (server older than 22.6?)');
}
