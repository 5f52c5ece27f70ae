import { DEFAULT_BUSINESS_TIME_ZONE, WorkingDayCalendar } from '../calendar';

/**
 * The working-day calendar in the city's zone, for this context's handlers, projection and
 * queries. The one place the applications context reads `BUSINESS_TZ` (libs do not import the
 * app's configuration, which validates the same variable at start-up).
 */
let shared: WorkingDayCalendar | undefined;

export function businessCalendar(): WorkingDayCalendar {
  shared ??= new WorkingDayCalendar({ timeZone: process.env.BUSINESS_TZ || DEFAULT_BUSINESS_TIME_ZONE });
  return shared;
}

/** Today's business date, for "as of today" answers (the query side may read the clock). */
export const businessToday = (calendar: WorkingDayCalendar = businessCalendar()): string => calendar.businessDate(new Date().toISOString());
