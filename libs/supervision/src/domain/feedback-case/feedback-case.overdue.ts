import type { CalendarDate, WorkingDayCalendar } from '@app/kernel';
import type { FeedbackCaseState } from './feedback-case.state';

export interface FeedbackCaseOverdue {
  /** not contacted as of `asOf`, and `asOf` is after `contactDueOn` */
  contact: boolean;
  /** not rectified as of `asOf`, and `asOf` is after `rectifyDueOn` */
  rectification: boolean;
}

/**
 * Which limits of a case are overdue as of `asOf` (the due date itself is on time). Exact for any
 * date: steps recorded after `asOf` do not count yet, and a case opened after `asOf` is not overdue.
 */
export function feedbackCaseOverdue(state: FeedbackCaseState, asOf: CalendarDate, calendar: WorkingDayCalendar): FeedbackCaseOverdue {
  if (state.status === 'none' || state.openedOn > asOf) return { contact: false, rectification: false };
  const doneBy = (step: { at: string } | undefined) => step !== undefined && calendar.businessDate(step.at) <= asOf;
  const contacted = doneBy('contact' in state ? state.contact : undefined);
  const rectified = doneBy('rectification' in state ? state.rectification : undefined);
  return { contact: !contacted && asOf > state.contactDueOn, rectification: !rectified && asOf > state.rectifyDueOn };
}

export const isFeedbackCaseOverdue = (state: FeedbackCaseState, asOf: CalendarDate, calendar: WorkingDayCalendar): boolean => {
  const overdue = feedbackCaseOverdue(state, asOf, calendar);
  return overdue.contact || overdue.rectification;
};

/** Rectified on time (`badReviewsRectifiedOnTime`): rectified by `rectifyDueOn`, as of `asOf`. */
export function rectifiedOnTime(state: FeedbackCaseState, asOf: CalendarDate, calendar: WorkingDayCalendar): boolean {
  if (state.status !== 'rectified' && state.status !== 'closed') return false;
  const rectifiedOn = calendar.businessDate(state.rectification.at);
  return rectifiedOn <= asOf && rectifiedOn <= state.rectifyDueOn;
}
