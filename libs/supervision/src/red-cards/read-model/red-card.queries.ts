import { selectPage, SqlFilter, type SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import { RED_CARDS_TABLE } from '../../shared/supervision-tables';
import { RED_CARD_COLUMNS, type RedCardRow } from './red-cards.projection';

export interface RedCardView {
  id: string;
  applicationId: string;
  departmentId: string;
  regionCode: string;
  level: 'red';
  /** the date of the sweep that issued it */
  issuedOn: string;
  /** the application's deadline as of that date */
  deadline: string;
  status: 'issued' | 'explained' | 'closed';
  explanation?: { text: string; at: string };
  /** the last review, if any */
  review?: { accepted: boolean; comment?: string; at: string };
  version: number;
}

export interface RedCardFilter {
  departmentId?: string;
  status?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function redCardById(sql: SqlExecutor, id: string): Promise<RedCardView | null> {
  const [row] = await sql.query<RedCardRow>(`SELECT ${RED_CARD_COLUMNS} FROM ${RED_CARDS_TABLE} WHERE card_id = $1`, [id]);
  return row ? toView(row) : null;
}

/** Cards newest first (by issuing date), filtered by department, status and issuing dates `from..to`. */
export async function redCardPage(sql: SqlExecutor, filter: RedCardFilter): Promise<Page<RedCardView>> {
  const filters = new SqlFilter();
  if (filter.departmentId) filters.where('department_id = ?', filter.departmentId);
  if (filter.status) filters.where('status = ?', filter.status);
  if (filter.from) filters.where('issued_on >= ?::date', filter.from);
  if (filter.to) filters.where('issued_on <= ?::date', filter.to);
  const { rows, total } = await selectPage<RedCardRow>(sql, {
    table: RED_CARDS_TABLE,
    columns: RED_CARD_COLUMNS,
    filter: filters,
    orderBy: 'issued_on DESC, card_id',
    page: filter.page,
    pageSize: filter.pageSize,
  });
  return { items: rows.map(toView), page: filter.page, pageSize: filter.pageSize, total };
}

function toView(row: RedCardRow): RedCardView {
  const review = row.reviews.at(-1);
  return {
    id: row.card_id,
    applicationId: row.application_id,
    departmentId: row.department_id,
    regionCode: row.region_code,
    level: 'red',
    issuedOn: row.issued_on,
    deadline: row.deadline,
    status: row.status,
    ...(row.explanation ? { explanation: row.explanation } : {}),
    ...(review ? { review } : {}),
    version: Number(row.version),
  };
}
