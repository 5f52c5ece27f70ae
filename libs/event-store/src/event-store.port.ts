/**
 * The event-store port. Every adapter (PostgreSQL, PGlite, EventStoreDB) implements it and passes
 * the one contract suite in `event-store.contract.ts`.
 *
 * Versions: a stream's version is the number of events in it; its first event has version 1.
 * Positions: `position` is the global position of an event, unique and increasing in append order
 * across all streams; it is what the API hands to clients (`position`, `?minPosition=`).
 * Checkpoints: the order in which subscribers see events is the *commit-visible* order, which may
 * differ from position order when transactions commit late. A `Checkpoint` is the adapter's opaque
 * token for "everything up to here in that order"; subscribers store it and pass it back.
 */

export const EVENT_STORE = Symbol('EVENT_STORE');

/** `no_stream`: the stream must not exist; `any`: no check; a number: the stream's current version. */
export type ExpectedVersion = 'no_stream' | 'any' | number;

export interface EventMetadata {
  /** user id of who issued the command (`system` for jobs) */
  actor: string;
  correlationId: string;
  causationId?: string | null;
  /** business time of the fact, ISO 8601 with offset */
  at: string;
  [key: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** UUID; a retried append with the same ids is a no-op */
  id: string;
  /** stable dotted name, e.g. `application.accepted`; never a class name */
  type: Type;
  /** schema version of `data`, default 1; old versions are upcast when read */
  schemaVersion?: number;
  data: Data;
  metadata: EventMetadata;
}

/** Opaque, adapter-defined, totally ordered token of a subscriber's progress through `readAll`. */
export type Checkpoint = string & { readonly __brand: 'Checkpoint' };

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  streamId: string;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  /** version of the stream after this event (1 for the first) */
  version: number;
  /** global position */
  position: number;
  /** where a subscriber that has processed this event resumes */
  checkpoint: Checkpoint;
  /** ISO timestamp the store recorded it */
  recordedAt: string;
}

export interface AppendResult {
  streamId: string;
  /** version of the stream after the append */
  version: number;
  /** global position of the last event written */
  position: number;
}

export interface ReadAllOptions {
  /** resume after this checkpoint; omitted or null = from the start */
  after?: Checkpoint | null;
  /** at most this many events */
  limit: number;
}

export interface ReadWindowOptions extends ReadAllOptions {
  /** only events of these types are returned (the others are still counted in the window); omitted: all */
  types?: readonly string[];
  /** the events come with `data: null`, for readers of the metadata only (e.g. the audit trail) */
  withoutData?: boolean;
}

/**
 * The next `limit` events after a checkpoint (in `readAll`'s order) as one window, of which only
 * those of the wanted types are returned, and only what the reader needs: a projection catching up
 * reads past the events it does not handle without receiving them. `end` is where the window stops (the checkpoint to resume
 * after), null when nothing follows the checkpoint; `scanned` how many events the window held
 * (`limit`: there may be more).
 */
export interface LogWindow {
  events: RecordedEvent[];
  scanned: number;
  end: { checkpoint: Checkpoint; position: number } | null;
}

export interface EventStore {
  /**
   * Appends atomically. Throws `WrongExpectedVersionError` when the stream is not at
   * `expectedVersion`. When every event id is already stored in this stream (a retry), returns the
   * original result and writes nothing; a partial overlap throws `DuplicateEventIdError`.
   */
  append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult>;

  /**
   * Creates several new streams at once (one submission that is several entities, e.g. a 一件事
   * bundle application and its member applications), each with a `no_stream` expectation, provided
   * every `guard` stream is still at the version the caller decided on (a matter read when the
   * command was decided); a guard at another version is a `WrongExpectedVersionError` naming it.
   *
   * A stream that already begins with exactly the given events is left as it is (a retry, also after
   * the stream moved on); when every stream does, the call returns their versions and positions
   * after those events and writes nothing, whatever the guards say now.
   * A stream stored with other events is a `WrongExpectedVersionError`. How atomic it is depends on
   * the adapter (PostgreSQL/PGlite: one transaction, all or nothing; EventStoreDB: see its adapter).
   */
  appendNewStreams(streams: readonly NewStream[], options?: { guards?: readonly StreamGuard[] }): Promise<NewStreamsAppended>;

  /** Events of one stream, oldest first, from `fromVersion` (default 1). Empty if the stream does not exist. */
  readStream(streamId: string, options?: { fromVersion?: number; limit?: number }): Promise<RecordedEvent[]>;

  /**
   * Global position of the stream's last event, null when the stream does not exist: what a
   * read model of that one entity must have processed to show its latest write.
   */
  streamPosition(streamId: string): Promise<number | null>;

  /**
   * Events of all streams in commit-visible order after a checkpoint. Never returns an event while
   * an event that will come before it in this order may still commit: a subscriber that stores the
   * last checkpoint it processed can never skip an event.
   */
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;

  /** `readAll`'s next window, returning only the events of `types`, with or without their data (see `LogWindow`). */
  readWindow(options: ReadWindowOptions): Promise<LogWindow>;

  /** True when a subscriber at `checkpoint` has seen the event at global position `position`. */
  covers(checkpoint: Checkpoint | null, position: number): Promise<boolean>;

  /** Compares two checkpoints of this store: negative, 0 or positive. */
  compareCheckpoints(a: Checkpoint, b: Checkpoint): number;

  /**
   * Resolves on the next append made through this instance (or after `timeoutMs`); for subscribers to wake early.
   * A store may gather the appends of a short time into one wake (PostgresEventStore's `wakeEveryMs`).
   */
  waitForAppend(timeoutMs: number): Promise<void>;

  /** Reachability check for `/health`. */
  ping(): Promise<void>;

  close(): Promise<void>;
}

/** One stream `appendNewStreams` creates (it must not exist yet). */
export interface NewStream {
  streamId: string;
  events: readonly NewEvent[];
}

/** A stream that must still be at `version` (0: must not exist) for `appendNewStreams` to write. */
export interface StreamGuard {
  streamId: string;
  version: number;
}

export interface NewStreamsAppended {
  /** each stream's version and last position, in the order given */
  streams: AppendResult[];
  /** global position of the last event of these streams */
  position: number;
  /** the streams this call wrote (none: a retry answered from the store) */
  created: string[];
}

export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId} is at ${actual}, expected ${expected}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export class DuplicateEventIdError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventId: string,
  ) {
    super(`event ${eventId} is already stored, but not as the same append to ${streamId}`);
    this.name = 'DuplicateEventIdError';
  }
}

/** The store could not be reached (connection refused, terminated, timed out): the API answers 503. */
export class EventStoreUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`event store unavailable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'EventStoreUnavailableError';
  }
}
