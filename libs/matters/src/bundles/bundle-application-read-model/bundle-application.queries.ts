import { selectPage, SqlFilter, type SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import { APPLICATIONS_TABLE } from '../../applications/read-model/applications.projection';
import { BUNDLE_APPLICATIONS_TABLE, BUNDLE_MEMBERS_TABLE } from './bundle-applications.projection';

/** The application statuses after which nothing more happens to it (退件 `returned` included). */
export const TERMINAL_STATUSES = ['completed', 'delivered', 'rejected', 'returned'] as const;

export interface BundleApplicationView {
  id: string;
  bundleId: string;
  bundleVersion: number;
  channel: string;
  submittedAt: string;
  status: 'in_progress' | 'completed';
  deadline: string | null;
  applications: { applicationId: string; matterId: string; departmentId: string; status: string; deadline: string | null }[];
}

const TERMINAL = TERMINAL_STATUSES.map((s) => `'${s}'`).join(', ');

/** One row per bundle application with its status and deadline folded from its members' rows in `applications`. */
const SUMMARIES = `(
  SELECT b.bundle_application_id AS id, b.bundle_id, b.bundle_version, b.channel, b.submitted_at, b.position,
    CASE WHEN bool_and(coalesce(a.status, 'submitted') IN (${TERMINAL})) THEN 'completed' ELSE 'in_progress' END AS status,
    max(a.deadline)::text AS deadline,
    jsonb_agg(jsonb_build_object('applicationId', m.application_id, 'matterId', m.matter_id, 'departmentId', m.department_id,
      'status', coalesce(a.status, 'submitted'), 'deadline', a.deadline::text) ORDER BY m.ordinal) AS applications,
    array_agg(m.department_id) AS departments
  FROM ${BUNDLE_APPLICATIONS_TABLE} b
  JOIN ${BUNDLE_MEMBERS_TABLE} m ON m.bundle_application_id = b.bundle_application_id
  LEFT JOIN ${APPLICATIONS_TABLE} a ON a.application_id = m.application_id
  GROUP BY b.bundle_application_id
) AS summaries`;

interface SummaryRow {
  id: string;
  bundle_id: string;
  bundle_version: number;
  channel: string;
  submitted_at: string;
  status: BundleApplicationView['status'];
  deadline: string | null;
  applications: BundleApplicationView['applications'];
}

const COLUMNS = 'id, bundle_id, bundle_version, channel, submitted_at, status, deadline, applications';

const toView = (row: SummaryRow): BundleApplicationView => ({
  id: row.id,
  bundleId: row.bundle_id,
  bundleVersion: row.bundle_version,
  channel: row.channel,
  submittedAt: row.submitted_at,
  status: row.status,
  deadline: row.deadline,
  applications: row.applications,
});

export interface BundleApplicationFilter {
  bundleId?: string;
  status?: BundleApplicationView['status'];
  /** only bundle applications with a member of this department */
  departmentId?: string;
  page: number;
  pageSize: number;
}

function filterOf(filter: Omit<BundleApplicationFilter, 'page' | 'pageSize'> & { id?: string }): SqlFilter {
  const where = new SqlFilter();
  if (filter.id !== undefined) where.where('id = ?', filter.id);
  if (filter.bundleId !== undefined) where.where('bundle_id = ?', filter.bundleId);
  if (filter.status !== undefined) where.where('status = ?', filter.status);
  if (filter.departmentId !== undefined) where.where('? = ANY(departments)', filter.departmentId);
  return where;
}

/** One bundle application, or null (also when `departmentId` is given and none of its members is of that department). */
export async function bundleApplicationById(sql: SqlExecutor, id: string, departmentId?: string): Promise<BundleApplicationView | null> {
  const where = filterOf({ id, departmentId });
  const [row] = await sql.query<SummaryRow>(`SELECT ${COLUMNS} FROM ${SUMMARIES} ${where.clause}`, where.params);
  return row ? toView(row) : null;
}

/** A page of bundle applications, newest first. */
export async function bundleApplicationPage(sql: SqlExecutor, filter: BundleApplicationFilter): Promise<Page<BundleApplicationView>> {
  const { rows, total } = await selectPage<SummaryRow>(sql, {
    table: SUMMARIES,
    columns: COLUMNS,
    filter: filterOf(filter),
    orderBy: 'position DESC',
    page: filter.page,
    pageSize: filter.pageSize,
  });
  return { items: rows.map(toView), page: filter.page, pageSize: filter.pageSize, total };
}
