import type { DirectoryNames } from '@app/directory';

/** `regionName` beside `regionCode` and `departmentName` beside `departmentId`, wherever a row carries them. */
export function withNames<Row extends { regionCode?: string; departmentId?: string }>(names: DirectoryNames, row: Row) {
  return {
    ...row,
    ...(row.regionCode !== undefined ? { regionName: names.regionName(row.regionCode) } : {}),
    ...(row.departmentId !== undefined ? { departmentName: names.departmentName(row.departmentId) } : {}),
  };
}
