import type { QualityIssueEvent } from '../../domain/quality-issue.events';
import type { QualityIssueStatus } from '../../domain/quality-issue.state';

/** A row of `rm_quality_issues_v1` (dates as YYYY-MM-DD text). */
export interface IssueRow {
  issue_id: string;
  matter_id: string;
  department_id: string;
  region_code: string;
  category: string;
  description: string;
  rule: string | null;
  status: Exclude<QualityIssueStatus, 'none'>;
  deadline: string;
  found_at: string;
  found_on: string;
  closed_at: string | null;
  closed_on: string | null;
  inspector: string;
  last_note: string | null;
  returned_with: string | null;
  updated_at: string;
  version: number;
  position: number;
}

/** A row of `rm_quality_issue_steps_v1`: one loop step, the status and deadline after it. */
export interface StepRow {
  issue_id: string;
  version: number;
  step: string;
  status: IssueRow['status'];
  at: string;
  on_date: string;
  actor: string;
  text: string | null;
  deadline: string;
  position: number;
}

export interface IssueEventAt {
  event: QualityIssueEvent;
  /** the issue's uuid (its stream is `quality-issue-<uuid>`) */
  issueId: string;
  version: number;
  position: number;
  /** business date of the event's `at` */
  onDate: string;
}

/** The issue row and the step row after one event; null for an event of an issue never found (ignored). */
export function applyIssueEvent(
  row: IssueRow | undefined,
  { event, issueId, version, position, onDate }: IssueEventAt,
): { row: IssueRow; step: StepRow } | null {
  const at = event.data.at;
  const stamp = { updated_at: at, version, position };
  let next: IssueRow;
  let actor: string;
  let text: string | null;
  if (event.type === 'quality-issue.found') {
    const d = event.data;
    next = {
      issue_id: issueId,
      matter_id: d.matterId,
      department_id: d.departmentId,
      region_code: d.regionCode,
      category: d.category,
      description: d.description,
      rule: d.rule,
      status: 'found',
      deadline: d.deadline,
      found_at: at,
      found_on: onDate,
      closed_at: null,
      closed_on: null,
      inspector: d.inspector,
      last_note: null,
      returned_with: null,
      ...stamp,
    };
    [actor, text] = [d.inspector, d.description];
  } else {
    if (!row) return null;
    switch (event.type) {
      case 'quality-issue.assigned':
        next = { ...row, ...stamp, status: 'assigned', deadline: event.data.deadline };
        [actor, text] = [event.data.assignedBy, null];
        break;
      case 'quality-issue.rectification-submitted':
        next = { ...row, ...stamp, status: 'rectified', last_note: event.data.note };
        [actor, text] = [event.data.submittedBy, event.data.note];
        break;
      case 'quality-issue.verified':
        next = { ...row, ...stamp, status: 'closed', closed_at: at, closed_on: onDate };
        [actor, text] = [event.data.verifiedBy, event.data.comment];
        break;
      case 'quality-issue.verification-failed':
        next = { ...row, ...stamp, status: 'assigned', returned_with: event.data.comment };
        [actor, text] = [event.data.verifiedBy, event.data.comment];
        break;
      case 'quality-issue.reopened':
        next = {
          ...row,
          ...stamp,
          status: 'assigned',
          deadline: event.data.deadline,
          closed_at: null,
          closed_on: null,
          returned_with: event.data.reason,
        };
        [actor, text] = [event.data.reopenedBy, event.data.reason];
        break;
    }
  }
  const step: StepRow = {
    issue_id: issueId,
    version,
    step: event.type.slice('quality-issue.'.length),
    status: next.status,
    at,
    on_date: onDate,
    actor,
    text,
    deadline: next.deadline,
    position,
  };
  return { row: next, step };
}
