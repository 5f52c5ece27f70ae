import { CalendarDate, minDate } from '@app/kernel';
import type { WorkingDayCalendar } from '@app/kernel';

/**
 * A time the deadline clock stood still: a special procedure (特别程序, 行政许可法 art. 45) or a
 * suspension (挂起). `endedAt` is null while it is open.
 */
export interface PausePeriod {
  kind: 'special_procedure' | 'suspension';
  /** the procedure's kind (听证, 检验, …) or the suspension's reason */
  detail: string;
  startedAt: string;
  endedAt: string | null;
}

/**
 * The paused working days as of `asOf` (api.md): a pause from business date S to E adds the
 * working days in (S, E]; one still open — or ending after `asOf` — counts up to `asOf`; one that
 * starts after `asOf` does not count yet. Pauses that overlap (a suspension during a special
 * procedure, or repeated ones) are united first, so a working day is paused at most once.
 */
export function pausedWorkdays(pauses: readonly PausePeriod[], asOf: CalendarDate, calendar: WorkingDayCalendar): number {
  const spans = pauses
    .map((pause) => {
      const start = calendar.businessDate(pause.startedAt);
      const end = pause.endedAt === null ? asOf : minDate(calendar.businessDate(pause.endedAt), asOf);
      return { start, end };
    })
    .filter((span) => span.start < span.end)
    .sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));

  let total = 0;
  let current: { start: CalendarDate; end: CalendarDate } | null = null;
  for (const span of spans) {
    if (current && span.start < current.end) {
      // (S1, E1] and (S2, E2] share days when S2 < E1: extend instead of counting twice
      if (span.end > current.end) current.end = span.end;
      continue;
    }
    if (current) total += calendar.workingDaysBetween(current.start, current.end);
    current = { ...span };
  }
  if (current) total += calendar.workingDaysBetween(current.start, current.end);
  return total;
}
