import type {
  AppendResult,
  Checkpoint,
  EventStore,
  ExpectedVersion,
  LogWindow,
  NewEvent,
  NewStream,
  NewStreamsAppended,
  ReadAllOptions,
  ReadWindowOptions,
  RecordedEvent,
  StreamGuard,
} from '../event-store.port';

export interface SharedReadsOptions {
  /** how long a non-empty batch stays for the projections that ask for it a little later (default 2 s) */
  ttlMs?: number;
  /** batches kept at most (default 8) */
  maxBatches?: number;
}

/**
 * The store as the projections of one runner see it: one `readAll` for many projections. The
 * projections of a process mostly stand at the same checkpoint (all live at the head, or rebuilding
 * side by side), so they ask for the same batch: concurrent identical reads (same checkpoint, same
 * limit) share one query, and a non-empty batch is kept for `ttlMs` for the ones that come a little
 * later. The events are parsed once and shared: projections must not mutate them.
 *
 * Serving a kept batch is always correct: `readAll` after a checkpoint only ever grows (events
 * below the xmin horizon never change), so a kept batch is a prefix of a fresh read. An empty
 * result is never kept, so a caught-up projection sees a new event at once.
 */
export class SharedReadsStore implements EventStore {
  private readonly batches = new Map<string, { expires: number; events: Promise<RecordedEvent[]> }>();
  private readonly ttlMs: number;
  private readonly maxBatches: number;

  constructor(
    private readonly store: EventStore,
    options: SharedReadsOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 2000;
    this.maxBatches = options.maxBatches ?? 8;
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    const now = Date.now();
    for (const [key, batch] of this.batches) if (batch.expires <= now) this.batches.delete(key);
    const key = `${options.after ?? ''}|${options.limit}`;
    const kept = this.batches.get(key);
    if (kept) return kept.events;
    const events = this.store.readAll(options);
    const entry = { expires: now + this.ttlMs, events };
    this.batches.set(key, entry);
    if (this.batches.size > this.maxBatches) this.batches.delete(this.batches.keys().next().value!);
    const forget = () => {
      if (this.batches.get(key) === entry) this.batches.delete(key);
    };
    events.then((read) => read.length === 0 && forget(), forget);
    return events;
  }

  /** Not shared: a filtered window is asked by one projection catching up, which reads ahead on its own. */
  readWindow(options: ReadWindowOptions): Promise<LogWindow> {
    return this.store.readWindow(options);
  }

  append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    return this.store.append(streamId, events, options);
  }

  appendNewStreams(streams: readonly NewStream[], options?: { guards?: readonly StreamGuard[] }): Promise<NewStreamsAppended> {
    return this.store.appendNewStreams(streams, options);
  }

  readStream(streamId: string, options?: { fromVersion?: number; limit?: number }): Promise<RecordedEvent[]> {
    return this.store.readStream(streamId, options);
  }

  streamPosition(streamId: string): Promise<number | null> {
    return this.store.streamPosition(streamId);
  }

  covers(checkpoint: Checkpoint | null, position: number): Promise<boolean> {
    return this.store.covers(checkpoint, position);
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return this.store.compareCheckpoints(a, b);
  }

  waitForAppend(timeoutMs: number): Promise<void> {
    return this.store.waitForAppend(timeoutMs);
  }

  ping(): Promise<void> {
    return this.store.ping();
  }

  /** The underlying store belongs to the caller: closing the view only forgets the kept batches. */
  async close(): Promise<void> {
    this.batches.clear();
  }
}
