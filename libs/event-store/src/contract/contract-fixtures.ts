import { randomUUID } from 'node:crypto';
import { Checkpoint, EventMetadata, EventStore, NewEvent, RecordedEvent } from '../event-store.port';

/** What the contract needs from an adapter under test. */
export interface OpenedStore {
  store: EventStore;
  dispose(): Promise<void>;
}

export interface ContractCapabilities {
  /** true when appends really run in parallel (PostgreSQL server, EventStoreDB); false for PGlite's single session */
  concurrentWriters: boolean;
  /** true when an event id is unique across all streams (PostgreSQL); EventStoreDB has no index by event id */
  uniqueIdsAcrossStreams: boolean;
  /** true when `appendNewStreams` is one transaction (PostgreSQL, PGlite); EventStoreDB writes stream by stream */
  atomicNewStreams: boolean;
}

export interface ContractContext {
  /** the store of the current suite (opened in `beforeAll`) */
  store(): EventStore;
  capabilities: ContractCapabilities;
}

/** A stream id no other test (or earlier run on the same database) uses. */
export function freshStream(label: string): string {
  return `contract-${label}-${randomUUID()}`;
}

export function metadata(extra: Partial<EventMetadata> = {}): EventMetadata {
  return { actor: 'user-1', correlationId: randomUUID(), causationId: null, at: '2019-09-27T07:00:00+08:00', ...extra };
}

export function newEvent(type = 'contract.happened', data: unknown = { n: 1 }, extra: Partial<NewEvent> = {}): NewEvent {
  return { id: randomUUID(), type, data, metadata: metadata(), ...extra };
}

export function newEvents(count: number, type = 'contract.happened'): NewEvent[] {
  return Array.from({ length: count }, (_, i) => newEvent(type, { i }));
}

/** Reads `readAll` from `after` to its current end in batches of `batchSize`. */
export async function drain(
  store: EventStore,
  after: Checkpoint | null,
  batchSize = 100,
): Promise<{ events: RecordedEvent[]; checkpoint: Checkpoint | null }> {
  const events: RecordedEvent[] = [];
  let checkpoint = after;
  for (;;) {
    const batch = await store.readAll({ after: checkpoint, limit: batchSize });
    if (batch.length === 0) return { events, checkpoint };
    events.push(...batch);
    checkpoint = batch[batch.length - 1].checkpoint;
  }
}

/** The checkpoint after everything `readAll` returns now (null for an empty store). */
export async function head(store: EventStore): Promise<Checkpoint | null> {
  return (await drain(store, null, 1000)).checkpoint;
}

export interface OwnRead {
  after: Checkpoint | null;
  batchSize: number;
  /** which events belong to the test (its streams) */
  own: (event: RecordedEvent) => boolean;
  /** how many own events the test committed */
  expected: number;
  timeoutMs?: number;
}

/**
 * Reads `readAll` like a subscriber until it has seen `expected` of the test's own events (or the
 * timeout), then once more to the current end, so duplicates would show. A store may hold committed
 * events back for a while (PostgreSQL: while any older transaction on the server is still open), so
 * an empty batch is not yet the end.
 */
export async function readOwn(store: EventStore, options: OwnRead): Promise<{ events: RecordedEvent[]; checkpoint: Checkpoint | null }> {
  const events: RecordedEvent[] = [];
  let checkpoint = options.after;
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const batch = await store.readAll({ after: checkpoint, limit: options.batchSize });
    events.push(...batch.filter(options.own));
    if (batch.length > 0) checkpoint = batch[batch.length - 1].checkpoint;
    else if (events.length >= options.expected || Date.now() > deadline) break;
    else await store.waitForAppend(20);
  }
  return { events, checkpoint };
}

/** The parts of a recorded event the writer chose, as they must read back. */
export function asWritten(streamId: string, event: NewEvent, version: number) {
  return {
    id: event.id,
    streamId,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: event.metadata,
    version,
  };
}

export function withoutCheckpoint({ checkpoint: _checkpoint, ...rest }: RecordedEvent): Omit<RecordedEvent, 'checkpoint'> {
  return rest;
}

export function expectStrictlyIncreasing(store: EventStore, checkpoints: readonly Checkpoint[]): void {
  for (let i = 1; i < checkpoints.length; i++) {
    expect(store.compareCheckpoints(checkpoints[i - 1], checkpoints[i])).toBeLessThan(0);
    expect(store.compareCheckpoints(checkpoints[i], checkpoints[i - 1])).toBeGreaterThan(0);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
