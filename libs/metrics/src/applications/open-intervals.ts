import type { ApplicationFact } from './application-fact';
import type { DailyCounters } from './daily-counters';
import { addDays } from '@app/kernel';

/**
 * The dates on which an application counts as open — `[accepted_on, completed_on or returned_on)`
 * (a 退件 is closed, not completed) — and as overdue — open, past its deadline and not in an open
 * pause: `[deadline + 1, min(end, paused_since))` — from its fact row as it stands. The counters keep +1 at each start and −1 at
 * each end, so "open on D" is the sum of the deltas up to D.
 */
export function openIntervals(fact: ApplicationFact): { open: Interval | null; overdue: Interval | null } {
  if (fact.accepted_on === null) return { open: null, overdue: null };
  const end = fact.completed_on ?? fact.returned_on;
  const open = interval(fact.accepted_on, end);
  if (fact.deadline === null) return { open, overdue: null };
  const ends = [end, fact.paused_since].filter((date): date is string => date !== null).sort();
  return { open, overdue: interval(addDays(fact.deadline, 1), ends[0] ?? null) };
}

interface Interval {
  from: string;
  /** exclusive; null: open-ended */
  until: string | null;
}

const interval = (from: string, until: string | null): Interval | null => (until !== null && until <= from ? null : { from, until });

/** Moves the counters from the row's intervals before to those after (`sign` −1 to take a row's intervals out). */
export function countIntervals(fact: ApplicationFact, sign: 1 | -1, counters: DailyCounters): void {
  const { open, overdue } = openIntervals(fact);
  const at = (date: string, change: { open_delta?: number; overdue_delta?: number }) =>
    counters.moved(date, fact.department_id, fact.region_code, change);
  if (open) {
    at(open.from, { open_delta: sign });
    if (open.until) at(open.until, { open_delta: -sign });
  }
  if (overdue) {
    at(overdue.from, { overdue_delta: sign });
    if (overdue.until) at(overdue.until, { overdue_delta: -sign });
  }
}
