import type { TimeLimit } from './time-limit';
import { toBusinessDate, DEFAULT_BUSINESS_TIME_ZONE } from './business-date';
import { CalendarDate, datesFromTo, fromDayNumber, isWeekend, toDayNumber } from './calendar-date';
import { HolidayYear } from './holiday-year';
import { toWorkingDays } from './to-working-days';
import { CHINA_HOLIDAY_YEARS } from './years';

export interface WorkingDayCalendarOptions {
  years?: readonly HolidayYear[];
  /** the zone business dates are taken in (`BUSINESS_TZ`); default Asia/Shanghai */
  timeZone?: string;
}

/**
 * Working days (工作日) of the city: Monday–Friday, minus the public holidays, plus the make-up
 * working days (调休), from the per-year data in `./years`.
 *
 * Outside the covered years (`covers(date)` is false) the calendar FALLS BACK TO WEEKENDS ONLY:
 * every Monday–Friday is a working day. We chose this over throwing so that a deadline running
 * into a year whose notice is not yet published (it usually appears in November) still gets a
 * provisional answer; add that year's file when the notice is out. Callers that must not guess
 * can check `covers`.
 */
export class WorkingDayCalendar {
  readonly timeZone: string;
  private readonly off = new Set<CalendarDate>();
  private readonly on = new Set<CalendarDate>();
  private readonly coveredYears = new Set<number>();
  /** the same days as day numbers: the working-day walks step through numbers, not a formatted string per day */
  private readonly offDays = new Set<number>();
  private readonly onDays = new Set<number>();

  constructor(options: WorkingDayCalendarOptions = {}) {
    this.timeZone = options.timeZone ?? DEFAULT_BUSINESS_TIME_ZONE;
    for (const year of options.years ?? CHINA_HOLIDAY_YEARS) {
      this.coveredYears.add(year.year);
      for (const span of year.holidays) for (const date of datesFromTo(span.from, span.to)) this.off.add(date);
      for (const date of year.makeUpWorkdays) this.on.add(date);
    }
    for (const date of this.off) this.offDays.add(toDayNumber(date));
    for (const date of this.on) this.onDays.add(toDayNumber(date));
  }

  /** True when the year of `date` has holiday data (otherwise only weekends are known). */
  covers(date: CalendarDate): boolean {
    toDayNumber(date);
    return this.coveredYears.has(Number(date.slice(0, 4)));
  }

  isWorkingDay(date: CalendarDate): boolean {
    toDayNumber(date); // validates
    if (this.on.has(date)) return true;
    if (this.off.has(date)) return false;
    return !isWeekend(date);
  }

  /** The Nth working day after `date` (`date` itself is day 0; n = 0 returns `date`). */
  addWorkingDays(date: CalendarDate, n: number): CalendarDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let day = toDayNumber(date);
    if (n === 0) return date;
    for (let found = 0; found < n;) {
      day += 1;
      if (this.isWorkingDayNumber(day)) found += 1;
    }
    return fromDayNumber(day);
  }

  /**
   * The number of working days in (afterExclusive, toInclusive]; 0 when the range is empty. Walks
   * day numbers, not date strings: the warnings of an application overdue since spring count
   * months of days per request (0.28 ms a call as strings, the bulk of the warnings route at 1M).
   */
  workingDaysBetween(afterExclusive: CalendarDate, toInclusive: CalendarDate): number {
    const last = toDayNumber(toInclusive);
    let count = 0;
    for (let day = toDayNumber(afterExclusive) + 1; day <= last; day += 1) if (this.isWorkingDayNumber(day)) count += 1;
    return count;
  }

  /**
   * Working days left from `date` to `deadline`: those in (date, deadline], or minus those in
   * (deadline, date] once the date is past it (0 on the deadline itself).
   */
  workdaysLeft(date: CalendarDate, deadline: CalendarDate): number {
    return date <= deadline ? this.workingDaysBetween(date, deadline) : 0 - this.workingDaysBetween(deadline, date);
  }

  private isWorkingDayNumber(day: number): boolean {
    if (this.onDays.has(day)) return true;
    if (this.offDays.has(day)) return false;
    const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday (1970-01-01 was a Thursday), as `dayOfWeek`
    return weekday !== 0 && weekday !== 6;
  }

  /** A time limit in working days: month = 22, year = 250. */
  toWorkingDays(limit: TimeLimit): number {
    return toWorkingDays(limit);
  }

  /** The business date of an ISO timestamp in this calendar's zone. */
  businessDate(isoTimestamp: string): CalendarDate {
    return toBusinessDate(isoTimestamp, this.timeZone);
  }
}
