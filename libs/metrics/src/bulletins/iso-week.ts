import { addDays, dayOfWeek, isCalendarDate } from '@app/kernel';

const WEEK = /^(\d{4})-W(\d{2})$/;

/** Monday..Sunday of an ISO week 'YYYY-Www' (week 1 holds 4 January), or null when there is no such week. */
export function isoWeekDates(week: string): { from: string; to: string } | null {
  const match = WEEK.exec(week);
  if (!match) return null;
  const [year, number] = [Number(match[1]), Number(match[2])];
  const january4 = `${match[1]}-01-04`;
  if (!isCalendarDate(january4) || number < 1) return null;
  const monday = addDays(addDays(january4, -((dayOfWeek(january4) + 6) % 7)), (number - 1) * 7);
  if (isoWeekOf(monday) !== `${year}-W${match[2]}`) return null;
  return { from: monday, to: addDays(monday, 6) };
}

/** The ISO week 'YYYY-Www' a date falls in. */
export function isoWeekOf(date: string): string {
  const thursday = addDays(date, 3 - ((dayOfWeek(date) + 6) % 7));
  const year = thursday.slice(0, 4);
  const january4 = `${year}-01-04`;
  const week1Monday = addDays(january4, -((dayOfWeek(january4) + 6) % 7));
  const monday = addDays(date, -((dayOfWeek(date) + 6) % 7));
  const weeks = Math.round((dayNumber(monday) - dayNumber(week1Monday)) / 7) + 1;
  return `${year}-W${String(weeks).padStart(2, '0')}`;
}

const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
