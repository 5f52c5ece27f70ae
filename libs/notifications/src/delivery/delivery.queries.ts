import { SqlFilter, type SqlExecutor } from '@app/event-store';
import { DELIVERIES_TABLE } from '../shared/notification-tables';

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One line of a subscription's delivery log (api.md, Notifications). */
export interface DeliveryView {
  id: string;
  eventId: string;
  type: string;
  /** the event's global position */
  position: number;
  status: DeliveryStatus;
  attempts: number;
  /** the HTTP status of the last attempt; null before the first or when the receiver did not answer */
  lastStatus: number | null;
  /** why the last attempt failed: `HTTP 500`, `no answer within 5000 ms`, `ECONNREFUSED` */
  lastError: string | null;
  /** when it is tried next (pending only) */
  nextAttemptAt: string | null;
  deliveredAt: string | null;
}

interface DeliveryRow {
  delivery_id: string;
  event_id: string;
  event_type: string;
  position: string;
  status: DeliveryStatus;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  next_attempt_at: Date | string;
  delivered_at: Date | string | null;
}

const COLUMNS = `delivery_id::text AS delivery_id, event_id, event_type, position::text AS position, status, attempts, last_status, last_error,
  next_attempt_at, delivered_at`;

/** A page of the subscription's deliveries in log order (the order they go out in), optionally of one status. */
export async function deliveryLog(
  sql: SqlExecutor,
  subscriptionId: string,
  query: { status?: DeliveryStatus; page: number; pageSize: number },
): Promise<DeliveryView[]> {
  const filter = new SqlFilter();
  filter.where('subscription_id = ?', subscriptionId);
  if (query.status) filter.where('status = ?', query.status);
  const next = filter.params.length;
  const rows = await sql.query<DeliveryRow>(
    `SELECT ${COLUMNS} FROM ${DELIVERIES_TABLE} ${filter.clause} ORDER BY seq LIMIT $${next + 1} OFFSET $${next + 2}`,
    [...filter.params, query.pageSize, (query.page - 1) * query.pageSize],
  );
  return rows.map(toView);
}

export async function deliveryById(sql: SqlExecutor, subscriptionId: string, deliveryId: string): Promise<DeliveryView | null> {
  const [row] = await sql.query<DeliveryRow>(
    `SELECT ${COLUMNS} FROM ${DELIVERIES_TABLE} WHERE subscription_id = $1 AND delivery_id = $2::uuid`,
    [subscriptionId, deliveryId],
  );
  return row ? toView(row) : null;
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toView(row: DeliveryRow): DeliveryView {
  return {
    id: row.delivery_id,
    eventId: row.event_id,
    type: row.event_type,
    position: Number(row.position),
    status: row.status,
    attempts: Number(row.attempts),
    lastStatus: row.last_status === null ? null : Number(row.last_status),
    lastError: row.last_error,
    nextAttemptAt: row.status === 'pending' ? iso(row.next_attempt_at) : null,
    deliveredAt: iso(row.delivered_at),
  };
}
