import { Gauge, type Registry } from 'prom-client';
import type { SqlExecutor } from '@app/event-store';
import { DELIVERIES_TABLE, SUBSCRIPTIONS_TABLE } from '../shared/notification-tables';

/**
 * `/metrics` (issue 13): `webhook_deliveries{status}` — the outbox's deliveries by outcome — and
 * `webhook_oldest_pending_seconds{subscription}` — how long each active subscription's oldest
 * pending delivery has waited (0 when none): a receiver that is down shows as a growing age.
 * Read from the tables on every scrape, so every API instance reports the cluster's figures.
 */
export function registerWebhookGauges(sql: SqlExecutor, registry: Registry): void {
  for (const name of ['webhook_deliveries', 'webhook_oldest_pending_seconds']) registry.removeSingleMetric(name);
  new Gauge({
    name: 'webhook_deliveries',
    help: 'webhook deliveries in the outbox by status (pending, delivered, failed)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const status of ['pending', 'delivered', 'failed']) this.set({ status }, 0);
      const rows = await sql.query<{ status: string; n: number }>(
        `SELECT status, count(*)::int AS n FROM ${DELIVERIES_TABLE} GROUP BY status`,
      );
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });
  new Gauge({
    name: 'webhook_oldest_pending_seconds',
    help: 'age of the oldest pending delivery per active subscription (0: none pending)',
    labelNames: ['subscription'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const rows = await sql.query<{ subscription_id: string; age: number | null }>(
        `SELECT s.subscription_id, extract(epoch FROM now() - min(d.created_at))::float8 AS age
           FROM ${SUBSCRIPTIONS_TABLE} s LEFT JOIN ${DELIVERIES_TABLE} d ON d.subscription_id = s.subscription_id AND d.status = 'pending'
          WHERE s.status = 'active' GROUP BY s.subscription_id`,
      );
      for (const row of rows) this.set({ subscription: row.subscription_id }, Math.max(0, Number(row.age ?? 0)));
    },
  });
}
