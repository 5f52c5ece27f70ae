import type { SqlExecutor } from '@app/event-store';
import { giveUpAtFor, nextAttemptAt, type RetrySchedule } from '../domain';
import { DELIVERIES_TABLE, SECRETS_TABLE, SUBSCRIPTIONS_TABLE } from '../shared/notification-tables';
import type { AttemptOutcome } from './send-delivery';

/** The next delivery of one subscription: its oldest pending one (in log order). */
export interface HeadDelivery {
  deliveryId: string;
  subscriptionId: string;
  url: string;
  secret: string | null;
  body: string;
  roundAttempts: number;
  nextAttemptAt: Date;
  giveUpAt: Date | null;
}

/**
 * The head of every active subscription's queue, except those of `busy` subscriptions (an
 * attempt in flight): one indexed probe per subscription, so a receiver that was down for a day
 * with thousands queued costs no more than one that is up.
 */
export async function headDeliveries(sql: SqlExecutor, busy: readonly string[]): Promise<HeadDelivery[]> {
  const rows = await sql.query<{
    delivery_id: string;
    subscription_id: string;
    url: string;
    secret: string | null;
    body: string;
    round_attempts: number;
    next_attempt_at: Date | string;
    give_up_at: Date | string | null;
  }>(
    `SELECT h.delivery_id::text AS delivery_id, s.subscription_id, s.url, k.secret, h.body, h.round_attempts, h.next_attempt_at, h.give_up_at
       FROM ${SUBSCRIPTIONS_TABLE} s
       CROSS JOIN LATERAL (
         SELECT d.delivery_id, d.body, d.round_attempts, d.next_attempt_at, d.give_up_at FROM ${DELIVERIES_TABLE} d
          WHERE d.subscription_id = s.subscription_id AND d.status = 'pending' ORDER BY d.seq LIMIT 1) h
       LEFT JOIN ${SECRETS_TABLE} k ON k.subscription_id = s.subscription_id
      WHERE s.status = 'active' AND NOT (s.subscription_id = ANY($1::text[]))`,
    [busy],
  );
  return rows.map((row) => ({
    deliveryId: row.delivery_id,
    subscriptionId: row.subscription_id,
    url: row.url,
    secret: row.secret,
    body: row.body,
    roundAttempts: Number(row.round_attempts),
    nextAttemptAt: new Date(row.next_attempt_at),
    giveUpAt: row.give_up_at === null ? null : new Date(row.give_up_at),
  }));
}

/**
 * Records an attempt: `delivered`; or, failed, the next attempt by the back-off, or `failed` once
 * that would be past the round's end (its first attempt + WEBHOOK_RETRY_HOURS). Only a pending
 * delivery changes (a concurrent manual action wins).
 */
export async function recordAttempt(
  sql: SqlExecutor,
  head: HeadDelivery,
  outcome: AttemptOutcome,
  schedule: RetrySchedule,
  at: Date,
): Promise<'delivered' | 'pending' | 'failed'> {
  if (outcome.delivered) {
    await sql.query(
      `UPDATE ${DELIVERIES_TABLE} SET status = 'delivered', attempts = attempts + 1, round_attempts = round_attempts + 1,
         last_status = $2, last_error = NULL, delivered_at = $3 WHERE delivery_id = $1::uuid AND status = 'pending'`,
      [head.deliveryId, outcome.status, at],
    );
    return 'delivered';
  }
  const giveUpAt = head.giveUpAt ?? giveUpAtFor(schedule, at);
  const next = nextAttemptAt(schedule, head.roundAttempts + 1, at, giveUpAt);
  await sql.query(
    `UPDATE ${DELIVERIES_TABLE} SET status = $2, attempts = attempts + 1, round_attempts = round_attempts + 1, last_status = $3,
       last_error = $4, next_attempt_at = COALESCE($5, next_attempt_at), give_up_at = $6 WHERE delivery_id = $1::uuid AND status = 'pending'`,
    [head.deliveryId, next ? 'pending' : 'failed', outcome.status, outcome.error.slice(0, 500), next, giveUpAt],
  );
  return next ? 'pending' : 'failed';
}
