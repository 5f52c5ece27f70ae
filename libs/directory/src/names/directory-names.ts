import type { SqlExecutor } from '@app/event-store';
import { DEPARTMENTS_TABLE, REGIONS_TABLE } from '../shared/directory-streams';

/** Names beside codes, for reports: an unknown code is named by itself, so no report breaks. */
export interface DirectoryNames {
  regionName(code: string): string;
  departmentName(id: string): string;
}

/** The directory's names in one round trip (the one query other contexts use; they never read its tables). */
export async function directoryNames(sql: SqlExecutor): Promise<DirectoryNames> {
  const rows = await sql.query<{ kind: 'region' | 'department'; id: string; name: string }>(
    `SELECT 'region' AS kind, code AS id, name FROM ${REGIONS_TABLE}
     UNION ALL SELECT 'department' AS kind, department_id AS id, name FROM ${DEPARTMENTS_TABLE}`,
  );
  const regions = new Map(rows.filter((row) => row.kind === 'region').map((row) => [row.id, row.name]));
  const departments = new Map(rows.filter((row) => row.kind === 'department').map((row) => [row.id, row.name]));
  return {
    regionName: (code) => regions.get(code) ?? code,
    departmentName: (id) => departments.get(id) ?? id,
  };
}
