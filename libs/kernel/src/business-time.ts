import { parseIsoTimestamp } from './calendar/business-date';
import { isCalendarDate } from './calendar/calendar-date';
import { DomainError, DomainErrorDetail } from './domain-error';

/**
 * Checks on the business time a command carries. The domain never reads a clock: `at` is an ISO
 * timestamp with offset chosen by the caller (default "now" at the API, may be historical for
 * migrations); the API refuses an `at` in the future before the command gets here.
 */

/** Adds a problem unless `value` is an ISO timestamp with offset. */
export function checkTimestamp(problems: DomainErrorDetail[], field: string, value: unknown): void {
  if (parseIsoTimestamp(value) === null) problems.push({ field, message: 'must be an ISO 8601 timestamp with offset' });
}

/** Adds a problem unless `value` is a 'YYYY-MM-DD' date. */
export function checkDate(problems: DomainErrorDetail[], field: string, value: unknown): void {
  if (!isCalendarDate(value)) problems.push({ field, message: 'must be a date YYYY-MM-DD' });
}

/** Adds a problem unless `value` is a non-blank string of at most `max` characters. */
export function checkText(problems: DomainErrorDetail[], field: string, value: unknown, max = 1000): void {
  if (typeof value !== 'string' || value.trim() === '') problems.push({ field, message: 'must be a non-empty text' });
  else if (value.length > max) problems.push({ field, message: `must be at most ${max} characters` });
}

/**
 * Business time never runs backwards within one stream: a command dated before the stream's last
 * event is refused (409), so periods are well formed (a pause never ends before it starts).
 */
export function assertNotBefore(at: string, lastAt: string, what: string): void {
  const instant = parseIsoTimestamp(at);
  const last = parseIsoTimestamp(lastAt);
  if (instant !== null && last !== null && instant < last)
    throw new DomainError('out_of_order', `${what} at ${at} is before the last recorded event of this stream (${lastAt})`, {
      details: [{ field: 'at', message: `must not be before ${lastAt}` }],
    });
}
