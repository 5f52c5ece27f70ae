import { CalendarDate } from './calendar-date';

/** One public holiday as announced: the dates off from `from` to `to`, both included. */
export interface HolidaySpan {
  /** Chinese name as in the notice, English beside it */
  name: string;
  from: CalendarDate;
  to: CalendarDate;
}

/**
 * One year of the State Council's holiday arrangement (国务院办公厅关于 YYYY 年部分节假日安排的通知).
 * `holidays` are the dates off (weekend dates inside a span are listed too, harmlessly);
 * `makeUpWorkdays` are weekend dates that are working days (调休上班).
 * A span may reach into the neighbouring year when the notice says so (New Year 2019 began on
 * 30 December 2018); the calendar looks dates up wherever they are listed.
 */
export interface HolidayYear {
  year: number;
  /** the notice(s) the data was taken from */
  sources: string[];
  holidays: HolidaySpan[];
  makeUpWorkdays: CalendarDate[];
  /** anything a maintainer should double-check */
  note?: string;
}
