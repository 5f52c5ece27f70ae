/**
 * An independent working-day counter for the supervision tests, written from the 2019 notice
 * (domain.md, Working days) and sharing no code with the service: off Jan 1; Feb 4–10; Apr 5;
 * May 1–4; Jun 7; Sep 13; Oct 1–7 — make-up working days Feb 2, Feb 3, Apr 28, May 5, Sep 29, Oct 12.
 */
const OFF = new Set([
  '2019-01-01',
  ...['04', '05', '06', '07', '08', '09', '10'].map((d) => `2019-02-${d}`),
  '2019-04-05',
  ...['01', '02', '03', '04'].map((d) => `2019-05-${d}`),
  '2019-06-07',
  '2019-09-13',
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => `2019-10-${d}`),
]);
const MAKE_UP = new Set(['2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05', '2019-09-29', '2019-10-12']);

export const nextDate = (date: string): string => new Date(Date.parse(`${date}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function isWorkingDay(date: string): boolean {
  if (MAKE_UP.has(date)) return true;
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !OFF.has(date);
}

/** The date of the n-th working day after `date`. */
export function plusWorkdays(date: string, n: number): string {
  let day = date;
  for (let counted = 0; counted < n;) {
    day = nextDate(day);
    if (isWorkingDay(day)) counted++;
  }
  return day;
}

/** Working days in (after, upTo]. */
export function workdaysIn(after: string, upTo: string): number {
  let count = 0;
  for (let day = nextDate(after); day <= upTo; day = nextDate(day)) if (isWorkingDay(day)) count++;
  return count;
}

export function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = from; day <= to; day = nextDate(day)) dates.push(day);
  return dates;
}

/** What the test knows of an application: business dates only. */
export interface ModelApplication {
  id: string;
  matterId: string;
  departmentId: string;
  acceptedOn: string;
  promised: number;
  /** special procedures and suspensions: start and end dates (end null: still open) */
  pauses: { from: string; to: string | null }[];
  closedOn: string | null;
}

/** The warning of an application on `date` by the rules of domain.md, or null (not open, no level). */
export function expectedWarning(app: ModelApplication, date: string, yellowWorkdays = 1) {
  if (app.acceptedOn > date || (app.closedOn !== null && app.closedOn <= date)) return null;
  let paused = 0;
  for (const pause of app.pauses) {
    const end = pause.to === null || pause.to > date ? date : pause.to;
    if (pause.from < end) paused += workdaysIn(pause.from, end);
  }
  const deadline = plusWorkdays(app.acceptedOn, app.promised + paused);
  const pausedNow = app.pauses.some((pause) => pause.from <= date && (pause.to === null || pause.to > date));
  const workdaysLeft = date <= deadline ? workdaysIn(date, deadline) : 0 - workdaysIn(deadline, date) || 0;
  const level = pausedNow ? null : date > deadline ? 'red' : workdaysLeft <= yellowWorkdays ? 'yellow' : null;
  if (level === null) return null;
  return {
    applicationId: app.id,
    matterId: app.matterId,
    departmentId: app.departmentId,
    acceptedOn: app.acceptedOn,
    deadline,
    workdaysLeft,
    level,
  };
}
