import { selectPage, SqlFilter, type SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import type { ListMattersQueryDto } from './list-matters.query-dto';
import type { MatterRowData } from './matter-row';

/** A row of `rm_matters_v1` as the queries read it: dates as text, timestamps as the driver's Date. */
export interface MatterRecord extends Omit<MatterRowData, 'registered_at' | 'updated_at'> {
  registered_at: Date;
  updated_at: Date;
}

const MATTER_COLUMNS = `matter_id, code, name, department_id, region_code, status, status_reason, catalogue_version,
  effective_from::text AS effective_from, stream_version, elements, versions, status_periods, registered_at, updated_at`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** One matter of the read model, or null. */
export async function matterById(sql: SqlExecutor, matterId: string): Promise<MatterRecord | null> {
  const [row] = await sql.query<MatterRecord>(`SELECT ${MATTER_COLUMNS} FROM rm_matters_v1 WHERE matter_id = $1`, [matterId]);
  return row ?? null;
}

export type MatterFilter = Pick<ListMattersQueryDto, 'regionCode' | 'status' | 'q' | 'page' | 'pageSize'> & { departmentId?: string };

/** A page of matters ordered by code, filtered by department, region, status and a text in code or name. */
export async function matterPage(sql: SqlExecutor, filter: MatterFilter): Promise<Page<MatterRecord>> {
  const filters = new SqlFilter();
  if (filter.departmentId !== undefined) filters.where('department_id = ?', filter.departmentId);
  if (filter.regionCode !== undefined) filters.where('region_code = ?', filter.regionCode);
  if (filter.status !== undefined) filters.where('status = ?', filter.status);
  if (filter.q !== undefined) filters.where('(code ILIKE ? OR name ILIKE ?)', `%${escapeLike(filter.q)}%`);
  const { rows, total } = await selectPage<MatterRecord>(sql, {
    table: 'rm_matters_v1',
    columns: MATTER_COLUMNS,
    filter: filters,
    orderBy: 'code, matter_id',
    page: filter.page,
    pageSize: filter.pageSize,
  });
  return { items: rows, page: filter.page, pageSize: filter.pageSize, total };
}
