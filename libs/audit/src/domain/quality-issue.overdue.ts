/** 超期: an issue still open (not closed) after its rectification deadline. */
import type { CalendarDate } from '@app/kernel';
import { isOpen, type QualityIssueState } from './quality-issue.state';

/** True when the issue is open on `date` and `date` is after its deadline (the deadline day itself is on time). */
export function isOverdue(state: QualityIssueState, date: CalendarDate): boolean {
  return isOpen(state) && date > state.issue.deadline;
}
