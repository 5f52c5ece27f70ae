import { CalendarDate, daysFromCivil } from './calendar-date';

/** The city's time zone when none is configured (`BUSINESS_TZ`). */
export const DEFAULT_BUSINESS_TIME_ZONE = 'Asia/Shanghai';

const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Milliseconds since the epoch of an ISO 8601 timestamp that names its offset ('Z' or '±HH:MM'),
 * or null when the text is not one. A timestamp without an offset is refused: its instant would
 * depend on the zone of the process reading it.
 */
export function parseIsoTimestamp(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = ISO_TIMESTAMP.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((i) => Number(match[i]));
  const second = Number(match[6] ?? 0);
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const days = daysFromCivil(year, month, day);
  const offsetMinutes = match[8] === 'Z' ? 0 : offsetToMinutes(match[8]);
  if (offsetMinutes === null) return null;
  return ((days * 24 + hour) * 60 + minute - offsetMinutes) * 60_000 + second * 1000 + millis;
}

function daysInMonth(year: number, month: number): number {
  return month === 12 ? 31 : daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

function offsetToMinutes(offset: string): number | null {
  const sign = offset.startsWith('-') ? -1 : 1;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 18 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // throws RangeError for an unknown zone
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The business date (calendar date in `timeZone`) of an ISO timestamp:
 * `toBusinessDate('2019-09-27T07:00:00+08:00', 'Asia/Shanghai')` is '2019-09-27' whatever the
 * process's own zone. Pure: depends only on its arguments and the IANA zone rules.
 */
export function toBusinessDate(isoTimestamp: string, timeZone: string = DEFAULT_BUSINESS_TIME_ZONE): CalendarDate {
  const instant = parseIsoTimestamp(isoTimestamp);
  if (instant === null) throw new RangeError(`not an ISO timestamp with offset: ${isoTimestamp}`);
  return dateAtInstant(instant, timeZone);
}

/**
 * `Intl` formatting costs microseconds, and a projection rebuild asks for millions of dates, most
 * of them on a few hundred days: the date is remembered per zone and quarter-hour of UTC (every
 * zone in use today changes its offset, and so its date, only on quarter hours), and only for a
 * quarter-hour whose first and last millisecond fall on the same date in the zone — so a remembered
 * answer is always the one `Intl` gives.
 */
const QUARTER_HOUR_MS = 15 * 60_000;
const MAX_REMEMBERED = 100_000;
const rememberedByZone = new Map<string, Map<number, CalendarDate>>();

function dateAtInstant(instant: number, timeZone: string): CalendarDate {
  const quarter = Math.floor(instant / QUARTER_HOUR_MS);
  let remembered = rememberedByZone.get(timeZone);
  const known = remembered?.get(quarter);
  if (known !== undefined) return known;
  const first = formatDate(quarter * QUARTER_HOUR_MS, timeZone);
  if (formatDate((quarter + 1) * QUARTER_HOUR_MS - 1, timeZone) !== first) return formatDate(instant, timeZone);
  if (!remembered || remembered.size >= MAX_REMEMBERED) rememberedByZone.set(timeZone, (remembered = new Map()));
  remembered.set(quarter, first);
  return first;
}

function formatDate(instant: number, timeZone: string): CalendarDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
