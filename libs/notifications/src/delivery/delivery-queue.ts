import type { SqlExecutor } from '@app/event-store';
import { giveUpAtFor, nextAttemptAt, type RetrySchedule } from '../domain';
import { DELIVERIES_TABLE, EVENT_BODIES_TABLE, SECRETS_TABLE, SUBSCRIPTIONS_TABLE } from '../shared/notification-tables';

/** A pending delivery with what sending it needs. */
export interface PendingDelivery {
  deliveryId: string;
  subscriptionId: string;
  url: string;
  secret: string | null;
  /** null only if its event's body row is missing (the outbox writes both in one transaction) */
  body: string | null;
  roundAttempts: number;
  nextAttemptAt: Date;
  giveUpAt: Date | null;
}

/**
 * The active subscriptions with something pending, except the `busy` ones (a lane running), each
 * with when its oldest pending delivery is due: one indexed probe per subscription, so a receiver
 * that was down for a day with thousands queued costs no more than one that is up.
 */
export async function dueSubscriptions(sql: SqlExecutor, busy: readonly string[]): Promise<{ subscriptionId: string; dueAt: Date }[]> {
  const rows = await sql.query<{ subscription_id: string; due_at: Date | string }>(
    `SELECT s.subscription_id, h.next_attempt_at AS due_at
       FROM ${SUBSCRIPTIONS_TABLE} s
       CROSS JOIN LATERAL (
         SELECT d.next_attempt_at FROM ${DELIVERIES_TABLE} d
          WHERE d.subscription_id = s.subscription_id AND d.status = 'pending' ORDER BY d.seq LIMIT 1) h
      WHERE s.status = 'active' AND NOT (s.subscription_id = ANY($1::text[]))`,
    [busy],
  );
  return rows.map((row) => ({ subscriptionId: row.subscription_id, dueAt: new Date(row.due_at) }));
}

/** The next `limit` pending deliveries of one active subscription, in log order (its queue's head first). */
export async function pendingDeliveries(sql: SqlExecutor, subscriptionId: string, limit: number): Promise<PendingDelivery[]> {
  const rows = await sql.query<{
    delivery_id: string;
    url: string;
    secret: string | null;
    body: string | null;
    round_attempts: number;
    next_attempt_at: Date | string;
    give_up_at: Date | string | null;
  }>(
    `SELECT d.delivery_id::text AS delivery_id, s.url, k.secret, b.body, d.round_attempts, d.next_attempt_at, d.give_up_at
       FROM ${DELIVERIES_TABLE} d
       JOIN ${SUBSCRIPTIONS_TABLE} s ON s.subscription_id = d.subscription_id AND s.status = 'active'
       LEFT JOIN ${EVENT_BODIES_TABLE} b ON b.event_id = d.event_id
       LEFT JOIN ${SECRETS_TABLE} k ON k.subscription_id = d.subscription_id
      WHERE d.subscription_id = $1 AND d.status = 'pending' ORDER BY d.seq LIMIT $2`,
    [subscriptionId, limit],
  );
  return rows.map((row) => ({
    deliveryId: row.delivery_id,
    subscriptionId,
    url: row.url,
    secret: row.secret,
    body: row.body,
    roundAttempts: Number(row.round_attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    giveUpAt: row.give_up_at === null ? null : new Date(row.give_up_at),
  }));
}

/** Records several deliveries as delivered in one statement (each with its HTTP status and arrival time). */
export async function recordDelivered(
  sql: SqlExecutor,
  delivered: readonly { deliveryId: string; status: number; at: Date }[],
): Promise<void> {
  if (delivered.length === 0) return;
  await sql.query(
    `UPDATE ${DELIVERIES_TABLE} d SET status = 'delivered', attempts = d.attempts + 1, round_attempts = d.round_attempts + 1,
       last_status = x.status, last_error = NULL, delivered_at = x.at
       FROM unnest($1::uuid[], $2::int[], $3::timestamptz[]) AS x(id, status, at)
      WHERE d.delivery_id = x.id AND d.status = 'pending'`,
    [delivered.map((d) => d.deliveryId), delivered.map((d) => d.status), delivered.map((d) => d.at.toISOString())],
  );
}

/**
 * Records a failed attempt: the next attempt by the back-off, or `failed` once that would be past
 * the round's end (its first attempt + WEBHOOK_RETRY_HOURS). Only a pending delivery changes (a
 * concurrent manual action wins).
 */
export async function recordFailure(
  sql: SqlExecutor,
  delivery: PendingDelivery,
  outcome: { status: number | null; error: string },
  schedule: RetrySchedule,
  at: Date,
): Promise<'pending' | 'failed'> {
  const giveUpAt = delivery.giveUpAt ?? giveUpAtFor(schedule, at);
  const next = nextAttemptAt(schedule, delivery.roundAttempts + 1, at, giveUpAt);
  await sql.query(
    `UPDATE ${DELIVERIES_TABLE} SET status = $2, attempts = attempts + 1, round_attempts = round_attempts + 1, last_status = $3,
       last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), give_up_at = $6 WHERE delivery_id = $1::uuid AND status = 'pending'`,
    [delivery.deliveryId, next ? 'pending' : 'failed', outcome.status, outcome.error.slice(0, 500), next, giveUpAt],
  );
  return next ? 'pending' : 'failed';
}
