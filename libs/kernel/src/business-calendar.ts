import { DEFAULT_BUSINESS_TIME_ZONE } from './calendar/business-date';
import { WorkingDayCalendar } from './calendar/working-day-calendar';

/**
 * The city's working-day calendar in its business time zone (`BUSINESS_TZ`). The zone is set once,
 * from the validated configuration, by whatever starts the process (the API, a CLI) through
 * `useBusinessTimeZone`; until then it is Asia/Shanghai. Every context reads the calendar here.
 */
let calendar = new WorkingDayCalendar({ timeZone: DEFAULT_BUSINESS_TIME_ZONE });

export function useBusinessTimeZone(timeZone: string): void {
  if (timeZone !== calendar.timeZone) calendar = new WorkingDayCalendar({ timeZone });
}

export const businessCalendar = (): WorkingDayCalendar => calendar;

/** Today's business date ('YYYY-MM-DD'): for "as of today" answers on the query side, never in a decider. */
// eslint-disable-next-line no-restricted-syntax -- the query side's default date; deciders get time in the command
export const businessToday = (now: Date = new Date()): string => calendar.businessDate(now.toISOString());
