import { WorkingDayCalendar } from '@app/matters/calendar/working-day-calendar';

/**
 * The one place libs/audit reads the city's zone (`BUSINESS_TZ`, validated by the app's config;
 * default Asia/Shanghai). Business dates, default deadlines and the ledger's dates all use it.
 */
export const businessTimeZone = (): string => process.env.BUSINESS_TZ ?? 'Asia/Shanghai';

export const businessCalendar = (): WorkingDayCalendar => new WorkingDayCalendar({ timeZone: businessTimeZone() });

/** Rectification deadline when the inspector gives none: 15 working days after the business date of `at`. */
export const DEFAULT_RECTIFICATION_WORKDAYS = 15;

export function defaultDeadline(calendar: WorkingDayCalendar, at: string): string {
  return calendar.addWorkingDays(calendar.businessDate(at), DEFAULT_RECTIFICATION_WORKDAYS);
}
