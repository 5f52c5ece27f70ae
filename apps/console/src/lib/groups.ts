import type { GroupBy, RankingRow } from '../api/types';

/** What a group is called: its name once the directory has one, else its code (an unknown code still reads). */
export function groupLabel(row: RankingRow, by: GroupBy): string {
  if (by === 'region') return row.regionName ?? row.regionCode ?? '（未知区划）';
  return row.departmentName ?? row.departmentId ?? '（未知部门）';
}

/** The code beside the name, when a name is shown (the directory names an unknown code by the code itself: then once). */
export function groupCode(row: RankingRow, by: GroupBy): string | undefined {
  const [name, code] = by === 'region' ? [row.regionName, row.regionCode] : [row.departmentName, row.departmentId];
  return name !== undefined && name !== code ? code : undefined;
}

export const GROUP_NAMES: Record<GroupBy, string> = { region: '区县（市）', department: '部门' };
