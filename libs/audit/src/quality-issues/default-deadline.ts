import type { WorkingDayCalendar } from '@app/kernel';

/** Rectification deadline when the inspector gives none: 15 working days after the business date of `at`. */
export const DEFAULT_RECTIFICATION_WORKDAYS = 15;

export function defaultDeadline(calendar: WorkingDayCalendar, at: string): string {
  return calendar.addWorkingDays(calendar.businessDate(at), DEFAULT_RECTIFICATION_WORKDAYS);
}
