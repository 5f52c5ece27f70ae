/** Events of the quality-issue aggregate. Type names are stable and dotted; `data` is schema version 1. */
import type { CalendarDate } from '@app/kernel';
import type { QualityIssueCategory } from './categories';

export interface QualityIssueFound {
  type: 'quality-issue.found';
  data: {
    issueId: string;
    matterId: string;
    departmentId: string;
    regionCode: string;
    category: QualityIssueCategory;
    description: string;
    deadline: CalendarDate;
    /** automated rule id, null for a manual finding */
    rule: string | null;
    at: string;
    /** user id of the inspector (or `system` for automated checks) */
    inspector: string;
  };
}

export interface QualityIssueAssigned {
  type: 'quality-issue.assigned';
  data: { issueId: string; departmentId: string; deadline: CalendarDate; at: string; assignedBy: string };
}

export interface RectificationSubmitted {
  type: 'quality-issue.rectification-submitted';
  data: { issueId: string; departmentId: string; note: string; at: string; submittedBy: string };
}

/** Verification passed: the issue is closed (销号). */
export interface QualityIssueVerified {
  type: 'quality-issue.verified';
  data: { issueId: string; comment: string | null; at: string; verifiedBy: string };
}

/** Verification failed: the issue goes back to `assigned`, deadline unchanged. */
export interface QualityIssueVerificationFailed {
  type: 'quality-issue.verification-failed';
  data: { issueId: string; comment: string; at: string; verifiedBy: string };
}

/** A closed issue regressed: assigned again, with a new deadline. */
export interface QualityIssueReopened {
  type: 'quality-issue.reopened';
  data: { issueId: string; reason: string; deadline: CalendarDate; at: string; reopenedBy: string };
}

export type QualityIssueEvent =
  | QualityIssueFound
  | QualityIssueAssigned
  | RectificationSubmitted
  | QualityIssueVerified
  | QualityIssueVerificationFailed
  | QualityIssueReopened;

export type QualityIssueEventType = QualityIssueEvent['type'];

export const QUALITY_ISSUE_EVENT_TYPES: readonly QualityIssueEventType[] = [
  'quality-issue.found',
  'quality-issue.assigned',
  'quality-issue.rectification-submitted',
  'quality-issue.verified',
  'quality-issue.verification-failed',
  'quality-issue.reopened',
];
