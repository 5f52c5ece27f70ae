import { Gauge, register } from 'prom-client';
import type { PostgresEventStore } from '@app/event-store';

/**
 * `event_store_appends_waiting`: appends of this process waiting for a statement of their own while
 * the store's statements are all in flight (group commit); they go together in the next one. A
 * value that stays up means the database is not keeping up with the commands, or a stream's lock
 * is held by a long transaction.
 */
export function registerAppendQueueGauge(store: PostgresEventStore): void {
  register.removeSingleMetric('event_store_appends_waiting');
  new Gauge({
    name: 'event_store_appends_waiting',
    help: 'appends waiting to be written together in the next statement (group commit)',
    registers: [register],
    collect() {
      this.set(store.appendsWaiting);
    },
  });
}
