import type { DirectoryNames } from '@app/directory';

/** What a report is about: the whole city, a region, a department, or a department within a region. */
export interface Scope {
  regionCode?: string;
  departmentId?: string;
}

export type GroupBy = 'department' | 'region';

export interface ScopeDescription {
  level: 'city' | 'region' | 'department';
  regionCode: string | null;
  /** the region's name in the directory (the code itself when it does not name it) */
  regionName: string | null;
  departmentId: string | null;
  departmentName: string | null;
}

export const describeScope = (scope: Scope, names: DirectoryNames): ScopeDescription => ({
  level: scope.departmentId ? 'department' : scope.regionCode ? 'region' : 'city',
  regionCode: scope.regionCode ?? null,
  regionName: scope.regionCode ? names.regionName(scope.regionCode) : null,
  departmentId: scope.departmentId ?? null,
  departmentName: scope.departmentId ? names.departmentName(scope.departmentId) : null,
});

/** The SQL expression a grouped query groups by ('' = one group for the whole scope). */
export const groupColumn = (by: GroupBy | undefined): string =>
  by === 'department' ? 'department_id' : by === 'region' ? 'region_code' : "''::text";

/** `AND region_code = $n AND department_id = $m` for the scope, with its parameters appended to `params`. */
export function scopeFilter(scope: Scope, params: unknown[]): string {
  let sql = '';
  if (scope.regionCode) sql += ` AND region_code = $${params.push(scope.regionCode)}`;
  if (scope.departmentId) sql += ` AND department_id = $${params.push(scope.departmentId)}`;
  return sql;
}
