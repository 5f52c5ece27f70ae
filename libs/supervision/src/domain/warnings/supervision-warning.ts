import type { CalendarDate, WorkingDayCalendar } from '@app/kernel';
import { deadlineAsOf } from '@app/matters';
import { isOpenOn, openPausesOn, type ApplicationSupervisionSnapshot } from '../application-supervision-snapshot';

export type WarningLevel = 'yellow' | 'red';

/** An open application's standing on a business date (api.md: `GET /supervision/warnings` items). */
export interface SupervisionWarning {
  applicationId: string;
  departmentId: string;
  regionCode: string;
  acceptedOn: CalendarDate;
  /** the deadline as of the date (pauses counted up to it) */
  deadline: CalendarDate;
  /** working days in (date, deadline], or minus those in (deadline, date] once past it */
  workdaysLeft: number;
  /** yellow: 0 ≤ workdaysLeft ≤ yellowWorkdays; red: the date is after the deadline; null: neither, or paused on the date */
  level: WarningLevel | null;
  /** a special procedure or suspension is open on the date: no level */
  paused: boolean;
}

/**
 * The warning of an application on business date `date` (domain.md, 红黄牌), or null when it is
 * not open on that date (not yet accepted, completed or returned). The deadline is the matters
 * context's one formula (`deadlineAsOf`), so a pause moves it exactly as it moves the API's.
 */
export function supervisionWarning(
  snapshot: ApplicationSupervisionSnapshot,
  date: CalendarDate,
  calendar: WorkingDayCalendar,
  limits: { yellowWorkdays: number },
): SupervisionWarning | null {
  if (!isOpenOn(snapshot, date)) return null;
  const { deadline } = deadlineAsOf(snapshot, date, calendar);
  const workdaysLeft = calendar.workdaysLeft(date, deadline);
  const paused = openPausesOn(snapshot, date, calendar).length > 0;
  const level = paused ? null : date > deadline ? 'red' : workdaysLeft <= limits.yellowWorkdays ? 'yellow' : null;
  const { applicationId, departmentId, regionCode, acceptedOn } = snapshot;
  return { applicationId, departmentId, regionCode, acceptedOn, deadline, workdaysLeft, level, paused };
}
