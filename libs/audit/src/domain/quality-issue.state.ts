/** State of one quality issue as a tagged union, and `evolve`, the fold of its events. */
import type { CalendarDate } from '@app/kernel';
import { assertNever } from '@app/kernel';
import type { QualityIssueCategory } from './categories';
import type { QualityIssueEvent } from './quality-issue.events';

/** What is known about the issue from the moment it was found; `deadline` moves only on reopen. */
export interface IssueFacts {
  issueId: string;
  matterId: string;
  departmentId: string;
  regionCode: string;
  category: QualityIssueCategory;
  description: string;
  rule: string | null;
  foundAt: string;
  inspector: string;
  deadline: CalendarDate;
}

export interface NoIssue {
  status: 'none';
}
export interface FoundIssue {
  status: 'found';
  issue: IssueFacts;
}
export interface AssignedIssue {
  status: 'assigned';
  issue: IssueFacts;
  since: string;
  /** why it came back: the failed verification's comment or the reopen reason; null on first assignment */
  returnedWith: string | null;
}
export interface RectifiedIssue {
  status: 'rectified';
  issue: IssueFacts;
  since: string;
  note: string;
}
export interface ClosedIssue {
  status: 'closed';
  issue: IssueFacts;
  since: string;
}

export type QualityIssueState = NoIssue | FoundIssue | AssignedIssue | RectifiedIssue | ClosedIssue;
export type QualityIssueStatus = QualityIssueState['status'];
export type ExistingIssue = Exclude<QualityIssueState, NoIssue>;

export const initialState = (): QualityIssueState => ({ status: 'none' });

/** Open = found and not closed (closed issues are 销号). */
export function isOpen(state: QualityIssueState): state is FoundIssue | AssignedIssue | RectifiedIssue {
  return state.status === 'found' || state.status === 'assigned' || state.status === 'rectified';
}

export function evolve(state: QualityIssueState, event: QualityIssueEvent): QualityIssueState {
  if (event.type === 'quality-issue.found') {
    const { at, ...facts } = event.data;
    return { status: 'found', issue: { ...facts, foundAt: at } };
  }
  if (state.status === 'none') return state;
  const { issue } = state;
  switch (event.type) {
    case 'quality-issue.assigned':
      return { status: 'assigned', issue: { ...issue, deadline: event.data.deadline }, since: event.data.at, returnedWith: null };
    case 'quality-issue.rectification-submitted':
      return { status: 'rectified', issue, since: event.data.at, note: event.data.note };
    case 'quality-issue.verified':
      return { status: 'closed', issue, since: event.data.at };
    case 'quality-issue.verification-failed':
      return { status: 'assigned', issue, since: event.data.at, returnedWith: event.data.comment };
    case 'quality-issue.reopened':
      return {
        status: 'assigned',
        issue: { ...issue, deadline: event.data.deadline },
        since: event.data.at,
        returnedWith: event.data.reason,
      };
    default:
      return assertNever(event, 'quality-issue event');
  }
}

/** Fold a stream's events from the initial state. */
export const foldQualityIssue = (events: readonly QualityIssueEvent[]): QualityIssueState => events.reduce(evolve, initialState());
