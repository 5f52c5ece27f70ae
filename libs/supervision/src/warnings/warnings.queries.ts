import type { SqlExecutor } from '@app/event-store';
import type { CalendarDate, WorkingDayCalendar } from '@app/kernel';
import { supervisionWarning, type ApplicationSupervisionSnapshot, type WarningLevel } from '../domain';
import { SUPERVISION_APPLICATIONS_TABLE } from '../shared/supervision-tables';
import { SUPERVISION_APPLICATION_COLUMNS, toSnapshot, type SupervisionApplicationRow } from './supervision-applications.projection';
import { OPEN_PERIOD } from './supervision-open-period-index.migration';

export interface WarningFilter {
  departmentId?: string;
  regionCode?: string;
  level?: WarningLevel;
  page: number;
  pageSize: number;
}

export interface WarningItem {
  applicationId: string;
  matterId: string;
  departmentId: string;
  regionCode: string;
  acceptedOn: CalendarDate;
  deadline: CalendarDate;
  workdaysLeft: number;
  level: WarningLevel;
}

export interface WarningsReport {
  asOf: CalendarDate;
  counts: { yellow: number; red: number };
  byDepartment: { departmentId: string; yellow: number; red: number }[];
  items: WarningItem[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * The applications open on `asOf` (accepted on or before it, not closed by then: `asOf` in their
 * open period, found through its GiST index), from which the domain's `supervisionWarning` takes those yellow or red on that date: the
 * deadline counts the pauses up to `asOf`, so the answer is exact for any date.
 */
export async function openSnapshotsOn(
  sql: SqlExecutor,
  asOf: CalendarDate,
  filter: { departmentId?: string; regionCode?: string } = {},
): Promise<{ snapshot: ApplicationSupervisionSnapshot; row: SupervisionApplicationRow }[]> {
  const params: unknown[] = [asOf];
  const conditions = ['accepted_on IS NOT NULL', `${OPEN_PERIOD} @> $1::date`];
  if (filter.departmentId) conditions.push(`department_id = $${params.push(filter.departmentId)}`);
  if (filter.regionCode) conditions.push(`region_code = $${params.push(filter.regionCode)}`);
  const rows = await sql.query<SupervisionApplicationRow>(
    `SELECT ${SUPERVISION_APPLICATION_COLUMNS} FROM ${SUPERVISION_APPLICATIONS_TABLE} WHERE ${conditions.join(' AND ')} ORDER BY application_id`,
    params,
  );
  return rows.map((row) => ({ row, snapshot: toSnapshot(row) }));
}

export async function warningsReport(
  sql: SqlExecutor,
  asOf: CalendarDate,
  filter: WarningFilter,
  calendar: WorkingDayCalendar,
  limits: { yellowWorkdays: number },
): Promise<WarningsReport> {
  const warned: WarningItem[] = [];
  for (const { row, snapshot } of await openSnapshotsOn(sql, asOf, filter)) {
    const warning = supervisionWarning(snapshot, asOf, calendar, limits);
    if (!warning?.level || (filter.level && warning.level !== filter.level)) continue;
    const { applicationId, departmentId, regionCode, acceptedOn, deadline, workdaysLeft, level } = warning;
    warned.push({ applicationId, matterId: row.matter_id, departmentId, regionCode, acceptedOn, deadline, workdaysLeft, level });
  }
  const departments = new Map<string, { departmentId: string; yellow: number; red: number }>();
  for (const item of warned) {
    const counts = departments.get(item.departmentId) ?? { departmentId: item.departmentId, yellow: 0, red: 0 };
    counts[item.level] += 1;
    departments.set(item.departmentId, counts);
  }
  warned.sort((a, b) => a.workdaysLeft - b.workdaysLeft || (a.applicationId < b.applicationId ? -1 : 1));
  const start = (filter.page - 1) * filter.pageSize;
  return {
    asOf,
    counts: {
      yellow: warned.filter((item) => item.level === 'yellow').length,
      red: warned.filter((item) => item.level === 'red').length,
    },
    byDepartment: [...departments.values()].sort((a, b) => (a.departmentId < b.departmentId ? -1 : 1)),
    items: warned.slice(start, start + filter.pageSize),
    page: filter.page,
    pageSize: filter.pageSize,
    total: warned.length,
  };
}
