import type { RecordedEvent } from '../event-store.port';

/** What `handleCommand` needs of a stream's events: enough to fold, to recognise a retry and to answer. */
export type StreamEvent = Pick<RecordedEvent, 'id' | 'type' | 'data' | 'version' | 'position'>;

/**
 * The histories of the streams this process handled last, so the next command on one of them can
 * skip reading it: one round trip to the database instead of two. A bounded LRU map.
 *
 * A kept history is a prefix of the stream (events are never changed or removed), but it may be
 * stale: another process may have appended since. `handleCommand` therefore trusts it only as far
 * as the store confirms it: an append with the kept version as the expected version succeeds only
 * if nothing was appended in between; anything else it does not trust (a refusal, nothing to
 * append, a version conflict) is decided again on a fresh read. A recognised retry is answered
 * from a prefix correctly either way.
 */
export class StreamCache {
  private readonly streams = new Map<string, readonly StreamEvent[]>();

  /** @param maxStreams streams kept at most; the least recently used go first */
  constructor(readonly maxStreams = 5000) {
    if (!Number.isInteger(maxStreams) || maxStreams < 1) throw new Error(`StreamCache: maxStreams must be ≥ 1, got ${maxStreams}`);
  }

  get size(): number {
    return this.streams.size;
  }

  get(streamId: string): readonly StreamEvent[] | undefined {
    const history = this.streams.get(streamId);
    if (history) {
      // most recently used last
      this.streams.delete(streamId);
      this.streams.set(streamId, history);
    }
    return history;
  }

  set(streamId: string, history: readonly StreamEvent[]): void {
    this.streams.delete(streamId);
    this.streams.set(
      streamId,
      history.map(({ id, type, data, version, position }) => ({ id, type, data, version, position })),
    );
    if (this.streams.size > this.maxStreams) this.streams.delete(this.streams.keys().next().value!);
  }

  forget(streamId: string): void {
    this.streams.delete(streamId);
  }
}
