import { Gauge, register } from 'prom-client';
import type { SqlClient } from '@app/event-store';

/**
 * `projection_lag_events{projection}`: how many positions each live projection is behind the
 * newest event of the PostgreSQL event store, read on every scrape (two indexed queries).
 */
export function registerProjectionLagGauge(sql: SqlClient): void {
  register.removeSingleMetric('projection_lag_events');
  new Gauge({
    name: 'projection_lag_events',
    help: 'global positions between the newest event and each projection checkpoint',
    labelNames: ['projection'] as const,
    registers: [register],
    async collect() {
      this.reset();
      const [head] = await sql.query<{ head: string | null }>('SELECT max(position)::text AS head FROM es_events');
      const rows = await sql.query<{ projection: string; version: number; position: string | null }>(
        "SELECT projection, version, position::text AS position FROM projection_checkpoints WHERE status <> 'retired'",
      );
      const newest = Number(head?.head ?? 0);
      for (const row of rows)
        this.set({ projection: `${row.projection}@v${row.version}` }, Math.max(0, newest - Number(row.position ?? 0)));
    },
  });
}
