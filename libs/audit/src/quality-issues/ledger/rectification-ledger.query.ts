import { CheckpointKeyedCache, SQL_CLIENT, type SqlClient, type SqlExecutor } from '@app/event-store';
import { ISSUES_TABLE, STEPS_TABLE } from '../read-model/quality-issues.tables';
import type { LedgerItemView, LedgerView } from '../read-model/quality-issue.views';

export interface LedgerFilter {
  asOf: string;
  departmentId?: string;
  regionCode?: string;
  /** a page of items, when wanted */
  items?: { page: number; pageSize: number };
}

/**
 * 问题台账 as of a date, from the dated loop steps: an issue found on or before `asOf` counts as
 * found; its status that day is the one after its last step dated on or before `asOf` (closed or
 * open); open and past the deadline in force that day is overdue (the deadline day is on time).
 */
const AS_OF = `
  WITH last_step AS (
    SELECT DISTINCT ON (s.issue_id) s.issue_id, s.status, s.deadline
    FROM ${STEPS_TABLE} s WHERE s.on_date <= $1::date
    ORDER BY s.issue_id, s.on_date DESC, s.version DESC
  ), scoped AS (
    SELECT i.issue_id, i.matter_id, i.department_id, i.region_code, i.category, i.found_on, l.status, l.deadline,
           l.status <> 'closed' AS open, l.status <> 'closed' AND l.deadline < $1::date AS overdue
    FROM last_step l JOIN ${ISSUES_TABLE} i ON i.issue_id = l.issue_id
    WHERE i.found_on <= $1::date AND ($2::text IS NULL OR i.department_id = $2) AND ($3::text IS NULL OR i.region_code = $3)
  )`;

const COUNTS = `count(*)::int AS found, count(*) FILTER (WHERE NOT open)::int AS closed,
  count(*) FILTER (WHERE open)::int AS open, count(*) FILTER (WHERE overdue)::int AS overdue`;

interface CountRow {
  dim: 'total' | 'department' | 'region';
  key: string | null;
  found: number;
  closed: number;
  open: number;
  overdue: number;
}

/** The ledger's answers, kept until the quality-issues projection moves (nothing served across a write). */
export class RectificationLedgerCache extends CheckpointKeyedCache {}

export const rectificationLedgerCacheProvider = {
  provide: RectificationLedgerCache,
  inject: [SQL_CLIENT],
  useFactory: (sql: SqlClient) => new RectificationLedgerCache(sql, ['quality-issues']),
};

export async function rectificationLedger(sql: SqlExecutor, filter: LedgerFilter): Promise<LedgerView> {
  const params = [filter.asOf, filter.departmentId ?? null, filter.regionCode ?? null];
  const rows = await sql.query<CountRow>(
    `${AS_OF}
       SELECT 'total' AS dim, NULL AS key, ${COUNTS} FROM scoped
       UNION ALL SELECT 'department', department_id, ${COUNTS} FROM scoped GROUP BY department_id
       UNION ALL SELECT 'region', region_code, ${COUNTS} FROM scoped GROUP BY region_code`,
    params,
  );
  const counts = (row: CountRow) => ({
    found: Number(row.found),
    closed: Number(row.closed),
    open: Number(row.open),
    overdue: Number(row.overdue),
  });
  const total = rows.find((row) => row.dim === 'total');
  const byKey = (a: CountRow, b: CountRow) => String(a.key).localeCompare(String(b.key));
  const view: LedgerView = {
    asOf: filter.asOf,
    scope: {
      ...(filter.departmentId && { departmentId: filter.departmentId }),
      ...(filter.regionCode && { regionCode: filter.regionCode }),
    },
    ...(total ? counts(total) : { found: 0, closed: 0, open: 0, overdue: 0 }),
    byDepartment: rows
      .filter((r) => r.dim === 'department')
      .sort(byKey)
      .map((r) => ({ departmentId: String(r.key), ...counts(r) })),
    byRegion: rows
      .filter((r) => r.dim === 'region')
      .sort(byKey)
      .map((r) => ({ regionCode: String(r.key), ...counts(r) })),
  };
  if (!filter.items) return view;
  const items = await sql.query<LedgerItemView>(
    `${AS_OF}
       SELECT issue_id AS id, matter_id AS "matterId", department_id AS "departmentId", region_code AS "regionCode", category, status,
              deadline::text AS deadline, overdue, found_on::text AS "foundOn"
       FROM scoped ORDER BY found_on, issue_id LIMIT $4 OFFSET $5`,
    [...params, filter.items.pageSize, (filter.items.page - 1) * filter.items.pageSize],
  );
  return { ...view, items, itemsTotal: view.found };
}
