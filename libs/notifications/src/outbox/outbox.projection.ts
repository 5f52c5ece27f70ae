import type { Projection, RecordedEvent, SqlExecutor } from '@app/event-store';
import { uuidV5 } from '@app/kernel';
import { matchesAny, type SubscriptionEvent } from '../domain';
import { DELIVERIES_TABLE, EVENT_BODIES_TABLE, STREAM_DEPARTMENTS_TABLE, SUBSCRIPTIONS_TABLE } from '../shared/notification-tables';
import { cloudEventBody } from './cloud-event-body';
import { departmentNamedBy } from './event-department';

export const OUTBOX_PROJECTION = 'webhook-outbox';

const DELIVERY_NAMESPACE = '5b0e0a5c-3f7e-4c57-9a41-6f0d2b8e1c93';
/** One delivery per subscription and event, whatever replays the log: a rebuild queues nothing twice. */
export const deliveryIdOf = (subscriptionId: string, eventId: string): string => uuidV5(DELIVERY_NAMESPACE, `${subscriptionId}/${eventId}`);

interface Subscriber {
  types: string[];
  departmentId: string | null;
}

/**
 * The outbox as a projection of the log (issue 13): in the runner's transaction — so exactly once
 * per event, and nothing queued that was not committed — each event becomes one pending delivery
 * per subscription that matches its type and, if the subscription names a department, whose
 * department is the stream's. A subscription receives the events after its own creation, in the
 * log's commit order (`seq`). The projection also keeps the subscriptions' read model and each
 * stream's department. A rebuild empties those two only: deliveries keep their state, and their
 * derived ids refuse twins (ON CONFLICT DO NOTHING).
 */
export const outboxProjection: Projection = {
  name: OUTBOX_PROJECTION,
  version: 1,
  handles: 'all',
  async reset(tx) {
    await tx.query(`TRUNCATE ${SUBSCRIPTIONS_TABLE}`);
    await tx.query(`TRUNCATE ${STREAM_DEPARTMENTS_TABLE}`);
  },
  async apply(events, tx) {
    const subscribers = await activeSubscribers(tx);
    const changes = subscriptionEvents(events);
    const filtered = () => [...subscribers.values()].some((subscriber) => subscriber.departmentId !== null);
    const departments = filtered() || changes.length > 0 ? await knownDepartments(tx, events) : new Map<string, string>();
    const named = new Map<string, string>();
    const deliveries: { id: string; subscription_id: string; event_id: string; event_type: string; position: number }[] = [];
    const bodies: { event_id: string; body: string }[] = [];
    for (const event of events) {
      if (event.type === 'subscription.deleted') subscribers.delete((event.data as { subscriptionId: string }).subscriptionId);
      const department = departmentNamedBy(event);
      if (department) {
        named.set(event.streamId, department);
        departments.set(event.streamId, department);
      }
      const queued = deliveries.length;
      for (const [subscriptionId, subscriber] of subscribers) {
        if (!matchesAny(subscriber.types, event.type)) continue;
        if (subscriber.departmentId !== null && subscriber.departmentId !== departments.get(event.streamId)) continue;
        deliveries.push({
          id: deliveryIdOf(subscriptionId, event.id),
          subscription_id: subscriptionId,
          event_id: event.id,
          event_type: event.type,
          position: event.position,
        });
      }
      if (deliveries.length > queued) bodies.push({ event_id: event.id, body: cloudEventBody(event) });
      if (event.type === 'subscription.created') {
        const { subscriptionId, types, departmentId } = (
          event as RecordedEvent<string, Extract<SubscriptionEvent, { type: 'subscription.created' }>['data']>
        ).data;
        subscribers.set(subscriptionId, { types, departmentId });
      }
    }
    await saveSubscriptions(tx, changes);
    await saveDepartments(tx, named);
    await queueDeliveries(tx, deliveries, bodies);
  },
};

async function activeSubscribers(tx: SqlExecutor): Promise<Map<string, Subscriber>> {
  const rows = await tx.query<{ subscription_id: string; types: string[]; department_id: string | null }>(
    `SELECT subscription_id, types, department_id FROM ${SUBSCRIPTIONS_TABLE} WHERE status = 'active'`,
  );
  return new Map(rows.map((row) => [row.subscription_id, { types: row.types, departmentId: row.department_id }]));
}

function subscriptionEvents(events: readonly RecordedEvent[]) {
  return events.filter((event): event is RecordedEvent<SubscriptionEvent['type'], SubscriptionEvent['data']> =>
    event.type.startsWith('subscription.'),
  );
}

/** The departments already known of the batch's streams. */
async function knownDepartments(tx: SqlExecutor, events: readonly RecordedEvent[]): Promise<Map<string, string>> {
  const streams = [...new Set(events.map((event) => event.streamId))];
  const rows = await tx.query<{ stream_id: string; department_id: string }>(
    `SELECT stream_id, department_id FROM ${STREAM_DEPARTMENTS_TABLE} WHERE stream_id = ANY($1::text[])`,
    [streams],
  );
  return new Map(rows.map((row) => [row.stream_id, row.department_id]));
}

async function saveSubscriptions(tx: SqlExecutor, events: ReturnType<typeof subscriptionEvents>): Promise<void> {
  for (const event of events) {
    if (event.type === 'subscription.created') {
      const { subscriptionId, url, types, departmentId, at } = event.data as Extract<
        SubscriptionEvent,
        { type: 'subscription.created' }
      >['data'];
      await tx.query(
        `INSERT INTO ${SUBSCRIPTIONS_TABLE} (subscription_id, url, types, department_id, status, created_at, version, position)
         VALUES ($1, $2, $3::jsonb, $4, 'active', $5, $6, $7) ON CONFLICT (subscription_id) DO NOTHING`,
        [subscriptionId, url, JSON.stringify(types), departmentId, at, event.version, event.position],
      );
    } else if (event.type === 'subscription.delivery_retried') {
      // a new round for a delivery still `failed`; a replay finds it delivered since, or already retried by this event
      const { subscriptionId, deliveryId } = event.data as { subscriptionId: string; deliveryId: string };
      await tx.query(
        `UPDATE ${DELIVERIES_TABLE} SET status = 'pending', round_attempts = 0, give_up_at = NULL, next_attempt_at = now(), retried_position = $3
          WHERE delivery_id = $1::uuid AND subscription_id = $2 AND status = 'failed' AND (retried_position IS NULL OR retried_position < $3)`,
        [deliveryId, subscriptionId, event.position],
      );
    } else {
      const { subscriptionId, at } = event.data as { subscriptionId: string; at: string };
      await tx.query(
        `UPDATE ${SUBSCRIPTIONS_TABLE} SET status = 'deleted', deleted_at = $2, version = $3, position = $4 WHERE subscription_id = $1 AND version < $3`,
        [subscriptionId, at, event.version, event.position],
      );
    }
  }
}

async function saveDepartments(tx: SqlExecutor, named: ReadonlyMap<string, string>): Promise<void> {
  if (named.size === 0) return;
  await tx.query(
    `INSERT INTO ${STREAM_DEPARTMENTS_TABLE} (stream_id, department_id)
     SELECT key, value FROM jsonb_each_text($1::jsonb)
     ON CONFLICT (stream_id) DO UPDATE SET department_id = excluded.department_id
       WHERE ${STREAM_DEPARTMENTS_TABLE}.department_id <> excluded.department_id`,
    [JSON.stringify(Object.fromEntries(named))],
  );
}

/** Queued in the batch's order, so `seq` is the log's commit order; each event's body once, beside them. */
async function queueDeliveries(tx: SqlExecutor, deliveries: readonly object[], bodies: readonly object[]): Promise<void> {
  if (deliveries.length === 0) return;
  await tx.query(
    `INSERT INTO ${EVENT_BODIES_TABLE} (event_id, body)
     SELECT b->>'event_id', b->>'body' FROM jsonb_array_elements($1::jsonb) AS e(b)
     ON CONFLICT (event_id) DO NOTHING`,
    [JSON.stringify(bodies)],
  );
  await tx.query(
    `INSERT INTO ${DELIVERIES_TABLE} (delivery_id, subscription_id, event_id, event_type, position, status)
     SELECT (d->>'id')::uuid, d->>'subscription_id', d->>'event_id', d->>'event_type', (d->>'position')::bigint, 'pending'
       FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(d, n) ORDER BY n
     ON CONFLICT (delivery_id) DO NOTHING`,
    [JSON.stringify(deliveries)],
  );
}
