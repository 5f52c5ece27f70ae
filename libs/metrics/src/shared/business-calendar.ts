import { DEFAULT_BUSINESS_TIME_ZONE, WorkingDayCalendar } from '@app/matters/calendar';

/**
 * The one place this context reads the city's time zone (`BUSINESS_TZ`, default Asia/Shanghai):
 * libs do not import apps/api's AppConfig, and projections are built outside Nest's container.
 */
export const businessTimeZone = (): string => process.env.BUSINESS_TZ ?? DEFAULT_BUSINESS_TIME_ZONE;

let calendar: WorkingDayCalendar | undefined;

/** The working-day calendar in the business time zone, built once. */
export function businessCalendar(): WorkingDayCalendar {
  if (!calendar || calendar.timeZone !== businessTimeZone()) calendar = new WorkingDayCalendar({ timeZone: businessTimeZone() });
  return calendar;
}

/** Today's business date ('YYYY-MM-DD') in the business time zone. */
export const businessToday = (now: Date = new Date()): string => businessCalendar().businessDate(now.toISOString());
