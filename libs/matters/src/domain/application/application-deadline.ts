import type { CalendarDate } from '@app/kernel';
import type { WorkingDayCalendar } from '@app/kernel';
import type { ApplicationState } from './application.state';
import { pausedWorkdays, type PausePeriod } from './pause-periods';

/** The handling clock of an application as of a date: what the API and the projections show. */
export interface HandlingClock {
  /** business date of acceptance (day 0); null before acceptance */
  acceptedOn: CalendarDate | null;
  /** the date by which it must be completed; null before acceptance */
  deadline: CalendarDate | null;
  pausedWorkdays: number;
  /** business date of completion when completed on or before `asOf` */
  completedOn: CalendarDate | null;
  overdue: boolean;
  /** while open on `asOf` (accepted, not completed nor returned): working days to the deadline, negative once past it; else null */
  workdaysLeft: number | null;
}

const NOT_STARTED: HandlingClock = {
  acceptedOn: null,
  deadline: null,
  pausedWorkdays: 0,
  completedOn: null,
  overdue: false,
  workdaysLeft: null,
};

/**
 * Derives, as of `asOf`, the deadline and whether the application is overdue (api.md):
 * - the day of acceptance is day 0; the deadline is the Nth working day after it, N = the
 *   snapshot's promised working days plus the paused working days (see `pausedWorkdays`);
 * - overdue when completed after the deadline, or still open on a date after it;
 * - events after `asOf` are ignored, so a report for a past date gives the answer of that date.
 *
 * Instant matters (N = 0): the deadline is the acceptance date itself. Completing one on a later
 * day is allowed — the citizen must still get a decision — and counts as overdue; the decider does
 * not refuse it. Before acceptance (submitted, supplement requested, rejected) there is no clock.
 *
 * A returned application (退件) counts as accepted, never as completed nor on time: from its
 * return on, the clock stands (pauses count up to the return) and it is not overdue — it is
 * neither completed late nor open past its deadline.
 */
export function handlingClock(state: ApplicationState, asOf: CalendarDate, calendar: WorkingDayCalendar): HandlingClock {
  if (state.status !== 'accepted' && state.status !== 'completed' && state.status !== 'delivered' && state.status !== 'returned')
    return NOT_STARTED;
  const acceptedOn = calendar.businessDate(state.acceptedAt);
  if (acceptedOn > asOf) return NOT_STARTED;
  const returnedOn = returnedOnAsOf(state, asOf, calendar);
  const { deadline, pausedWorkdays: paused } = deadlineAsOf(
    { acceptedOn, promisedWorkdays: state.matter.promisedWorkdays, pauses: state.pauses },
    returnedOn ?? asOf,
    calendar,
  );
  const completedDate = state.status === 'completed' || state.status === 'delivered' ? calendar.businessDate(state.completedAt) : null;
  const completedOn = completedDate !== null && completedDate <= asOf ? completedDate : null;
  const overdue = completedOn !== null ? completedOn > deadline : returnedOn === null && asOf > deadline;
  const workdaysLeft = completedOn === null && returnedOn === null ? calendar.workdaysLeft(asOf, deadline) : null;
  return { acceptedOn, deadline, pausedWorkdays: paused, completedOn, overdue, workdaysLeft };
}

/** What a deadline is computed from: the day of acceptance, the promised limit, the pauses. */
export interface DeadlineBasis {
  acceptedOn: CalendarDate;
  promisedWorkdays: number;
  pauses: readonly PausePeriod[];
}

/**
 * The one deadline formula (api.md): the (promised + paused)th working day after acceptance,
 * the pauses counted as of `asOf`. `handlingClock` and the supervision warnings both use it.
 */
export function deadlineAsOf(
  basis: DeadlineBasis,
  asOf: CalendarDate,
  calendar: WorkingDayCalendar,
): { deadline: CalendarDate; pausedWorkdays: number } {
  const paused = pausedWorkdays(basis.pauses, asOf, calendar);
  return { deadline: calendar.addWorkingDays(basis.acceptedOn, basis.promisedWorkdays + paused), pausedWorkdays: paused };
}

/** The business date of the return (退件) when returned on or before `asOf`, else null: the clock stops there. */
export function returnedOnAsOf(state: ApplicationState, asOf: CalendarDate, calendar: WorkingDayCalendar): CalendarDate | null {
  if (state.status !== 'returned') return null;
  const returnedOn = calendar.businessDate(state.returnedAt);
  return returnedOn <= asOf ? returnedOn : null;
}

/**
 * Completed on time (按时办结) as of `asOf`: completed on or before its deadline. False for an
 * application not completed by then — in particular a returned one (退件), which is never on time.
 */
export const completedOnTime = (state: ApplicationState, asOf: CalendarDate, calendar: WorkingDayCalendar): boolean => {
  const clock = handlingClock(state, asOf, calendar);
  return clock.completedOn !== null && !clock.overdue;
};

/** The deadline as of `asOf` (YYYY-MM-DD), or null before acceptance. */
export const applicationDeadline = (state: ApplicationState, asOf: CalendarDate, calendar: WorkingDayCalendar): CalendarDate | null =>
  handlingClock(state, asOf, calendar).deadline;

/** Paused working days as of `asOf`. */
export const applicationPausedWorkdays = (state: ApplicationState, asOf: CalendarDate, calendar: WorkingDayCalendar): number =>
  handlingClock(state, asOf, calendar).pausedWorkdays;

/** Overdue as of `asOf`: completed after its deadline, or open past it. */
export const isOverdue = (state: ApplicationState, asOf: CalendarDate, calendar: WorkingDayCalendar): boolean =>
  handlingClock(state, asOf, calendar).overdue;
