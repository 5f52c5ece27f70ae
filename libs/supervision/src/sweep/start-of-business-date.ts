import type { CalendarDate } from '@app/kernel';

/** The zone's UTC offset at an instant, `+08:00` (from `Intl`'s `longOffset`: `GMT+08:00`, or `GMT` for zero). */
function offsetAt(instant: number, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(instant))
    .find((part) => part.type === 'timeZoneName')!.value;
  const offset = name.replace(/^GMT/, '');
  return offset === '' ? '+00:00' : offset;
}

const minutesOf = (offset: string) => (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));

/**
 * The first instant of business date `date` in `timeZone`, written with the zone's offset:
 * `2019-10-11T00:00:00+08:00` for Asia/Shanghai. (Where midnight is skipped by a DST change the
 * offset after it is used, i.e. the day's first instant.)
 */
export function startOfBusinessDate(date: CalendarDate, timeZone: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  let offset = offsetAt(midnightUtc, timeZone);
  offset = offsetAt(midnightUtc - minutesOf(offset) * 60_000, timeZone);
  return `${date}T00:00:00${offset}`;
}
