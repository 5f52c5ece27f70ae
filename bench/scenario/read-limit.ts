import { PostgresEventStore, PostgresSqlClient, type Checkpoint } from '@app/event-store';

/** The window a projection catching up reads at a time (the runner's batch). */
const WINDOW = 5_000;

/**
 * The read limit of section 3 (issue 15): every event of the store read in log order through the
 * same driver and store as the projections (`PostgresEventStore.readAll`, which parses each
 * event's data), writing nothing. No projection can rebuild faster than this on this machine, so
 * the rebuild is judged against it.
 */
export async function measureReadLimit(databaseUrl: string): Promise<{ events: number; seconds: number; eventsPerSecond: number }> {
  const sql = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  const store = new PostgresEventStore(sql);
  try {
    const started = performance.now();
    let events = 0;
    let after: Checkpoint | null = null;
    for (;;) {
      const window = await store.readAll({ after, limit: WINDOW });
      if (window.length === 0) break;
      events += window.length;
      after = window[window.length - 1].checkpoint;
    }
    const seconds = (performance.now() - started) / 1000;
    return { events, seconds, eventsPerSecond: events / seconds };
  } finally {
    await store.close();
    await sql.close();
  }
}
