import type { SqlExecutor } from '@app/event-store';
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
  const params: unknown[] = [];
  const conditions: string[] = [];
  const where = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(condition.replaceAll('?', `$${params.length}`));
  };
  if (filter.departmentId) where('department_id = ?', filter.departmentId);
  if (filter.status) where('status = ?', filter.status);
  if (filter.from) where('issued_on >= ?::date', filter.from);
  if (filter.to) where('issued_on <= ?::date', filter.to);
  const clause = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [{ total }] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${RED_CARDS_TABLE} ${clause}`, params);
  const rows = await sql.query<RedCardRow>(
    `SELECT ${RED_CARD_COLUMNS} FROM ${RED_CARDS_TABLE} ${clause}
       ORDER BY issued_on DESC, card_id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  return { items: rows.map(toView), page: filter.page, pageSize: filter.pageSize, total: Number(total) };
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
