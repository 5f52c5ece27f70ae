import type { EventStore, RecordedEvent } from '../../event-store.port';
import { readEverything } from './thing-events';
import { ensureEventStoreSchema } from '../../postgres/event-store.schema';
import { PostgresEventStore } from '../../postgres/postgres-event-store';
import type { SqlClient } from '../../sql/sql-client';
import { openTestSql, TestBackend } from '../../testing/databases';
import type { ProjectionLogger } from '../projection';

/** A throwaway database with the event store on it; `dispose` drops it. */
export interface StoreFixture {
  sql: SqlClient;
  store: EventStore;
  url?: string;
  dispose(): Promise<void>;
}

export async function openStoreFixture(backend: TestBackend): Promise<StoreFixture> {
  const test = await openTestSql(backend, 'projections');
  await ensureEventStoreSchema(test.sql);
  const store = new PostgresEventStore(test.sql);
  return {
    sql: test.sql,
    store,
    url: test.url,
    async dispose() {
      await store.close();
      await test.dispose();
    },
  };
}

/** A logger that keeps what it was told, for assertions and to keep test output quiet. */
export function recordingLogger(): ProjectionLogger & { lines: string[]; errors: unknown[] } {
  const lines: string[] = [];
  const errors: unknown[] = [];
  return {
    lines,
    errors,
    log: (message) => lines.push(message),
    error: (message, error) => {
      lines.push(message);
      errors.push(error);
    },
  };
}

export async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The same store, whose `readAll` and `readWindow` hold after `reads` calls until `resume()`: a build paused between batches. */
export function pausingStore(store: EventStore, reads: number): { store: EventStore; resume(): void } {
  let calls = 0;
  let resume!: () => void;
  const gate = new Promise<void>((resolve) => (resume = resolve));
  const paused = new Proxy(store, {
    get(target, property) {
      if (property === 'readAll' || property === 'readWindow') {
        return async (options: Parameters<EventStore['readWindow']>[0]) => {
          if (++calls > reads) await gate;
          return property === 'readAll' ? target.readAll(options) : target.readWindow(options);
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: paused, resume };
}

/**
 * All events once `count` of them are visible to `readAll`. An append is visible only when no older
 * transaction anywhere on the server is still open, so under a busy server this can take a moment.
 */
export async function visibleEvents(store: EventStore, count: number): Promise<RecordedEvent[]> {
  let events: RecordedEvent[] = [];
  await eventually(async () => (events = await readEverything(store)).length >= count, 20_000, `${count} events to be visible`);
  return events;
}
