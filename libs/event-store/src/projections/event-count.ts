import type { Checkpoint, EventStore } from '../event-store.port';

/** How many events a subscriber at `after` has still to read, through the port alone (a scan). */
export type CountEventsAfter = (after: Checkpoint | null) => Promise<number>;

export function countByScanning(store: EventStore, batchSize = 5000): CountEventsAfter {
  return async (after) => {
    let count = 0;
    let at = after;
    for (;;) {
      const events = await store.readAll({ after: at, limit: batchSize });
      count += events.length;
      if (events.length < batchSize) return count;
      at = events[events.length - 1].checkpoint;
    }
  };
}
