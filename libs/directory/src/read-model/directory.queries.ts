import { selectPage, SqlFilter, type SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import { DEPARTMENTS_TABLE, REGIONS_TABLE } from '../shared/directory-streams';

export interface RegionView {
  code: string;
  name: string;
  version: number;
}
export interface DepartmentView {
  id: string;
  name: string;
  shortName: string;
  regionCode: string;
  version: number;
}

const DEPARTMENT_COLUMNS = `department_id AS id, name, short_name AS "shortName", region_code AS "regionCode", version`;

/** Every region, by code (a city has a handful). */
export async function regionList(sql: SqlExecutor): Promise<{ items: RegionView[] }> {
  const items = await sql.query<RegionView>(`SELECT code, name, version FROM ${REGIONS_TABLE} ORDER BY code`);
  return { items: items.map((row) => ({ ...row, version: Number(row.version) })) };
}

export async function departmentById(sql: SqlExecutor, id: string): Promise<DepartmentView | null> {
  const [row] = await sql.query<DepartmentView>(`SELECT ${DEPARTMENT_COLUMNS} FROM ${DEPARTMENTS_TABLE} WHERE department_id = $1`, [id]);
  return row ? { ...row, version: Number(row.version) } : null;
}

/** Departments by id, optionally of one region. */
export async function departmentPage(
  sql: SqlExecutor,
  filter: { regionCode?: string; page: number; pageSize: number },
): Promise<Page<DepartmentView>> {
  const filters = new SqlFilter();
  if (filter.regionCode) filters.where('region_code = ?', filter.regionCode);
  const { rows, total } = await selectPage<DepartmentView>(sql, {
    table: DEPARTMENTS_TABLE,
    columns: DEPARTMENT_COLUMNS,
    filter: filters,
    orderBy: 'department_id',
    page: filter.page,
    pageSize: filter.pageSize,
  });
  return { items: rows.map((row) => ({ ...row, version: Number(row.version) })), page: filter.page, pageSize: filter.pageSize, total };
}
