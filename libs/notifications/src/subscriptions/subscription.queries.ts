import { selectPage, SqlFilter, type SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import { DELIVERIES_TABLE, SUBSCRIPTIONS_TABLE } from '../shared/notification-tables';

export interface SubscriptionView {
  id: string;
  url: string;
  types: string[];
  departmentId: string | null;
  createdAt: string;
  /** the outbox's deliveries of this subscription by state */
  deliveries: { pending: number; delivered: number; failed: number };
  version: number;
}

interface SubscriptionRow {
  subscription_id: string;
  url: string;
  types: string[];
  department_id: string | null;
  created_at: string;
  version: number;
  pending: number;
  delivered: number;
  failed: number;
}

const TABLE = `(SELECT s.*, ${['pending', 'delivered', 'failed']
  .map(
    (status) =>
      `(SELECT count(*)::int FROM ${DELIVERIES_TABLE} d WHERE d.subscription_id = s.subscription_id AND d.status = '${status}') AS ${status}`,
  )
  .join(', ')} FROM ${SUBSCRIPTIONS_TABLE} s WHERE s.status = 'active') AS subscriptions`;
const COLUMNS = 'subscription_id, url, types, department_id, created_at, version, pending, delivered, failed';

export async function subscriptionById(sql: SqlExecutor, id: string): Promise<SubscriptionView | null> {
  const [row] = await sql.query<SubscriptionRow>(`SELECT ${COLUMNS} FROM ${TABLE} WHERE subscription_id = $1`, [id]);
  return row ? toView(row) : null;
}

/** Active subscriptions, oldest first. */
export async function subscriptionPage(sql: SqlExecutor, paging: { page: number; pageSize: number }): Promise<Page<SubscriptionView>> {
  const { rows, total } = await selectPage<SubscriptionRow>(sql, {
    table: TABLE,
    columns: COLUMNS,
    filter: new SqlFilter(),
    orderBy: 'created_at, subscription_id',
    ...paging,
  });
  return { items: rows.map(toView), ...paging, total };
}

function toView(row: SubscriptionRow): SubscriptionView {
  return {
    id: row.subscription_id,
    url: row.url,
    types: row.types,
    departmentId: row.department_id,
    createdAt: row.created_at,
    deliveries: { pending: Number(row.pending), delivered: Number(row.delivered), failed: Number(row.failed) },
    version: Number(row.version),
  };
}
