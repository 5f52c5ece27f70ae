/**
 * The quality-issue decider (闭环管理): found → assigned → rectified → closed (销号); a failed
 * verification goes back to assigned; a closed issue can be reopened (assigned, new deadline).
 * Pure: `decide(command, state)` returns the events to append or throws a `DomainError`.
 */
import { isCalendarDate } from '@app/kernel';
import { parseIsoTimestamp } from '@app/kernel';
import { assertNever, type Decider } from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';
import { isQualityIssueCategory } from './categories';
import type {
  AssignQualityIssue,
  LogQualityIssue,
  QualityIssueCommand,
  ReopenQualityIssue,
  SubmitRectification,
  VerifyRectification,
} from './quality-issue.commands';
import type { QualityIssueEvent } from './quality-issue.events';
import { requireInspector, requireOwnDepartment } from './quality-issue.permissions';
import { refuseExisting, refuseInvalid, refuseTransition } from './quality-issue.refusal';
import { evolve, initialState, type ExistingIssue, type QualityIssueState, type QualityIssueStatus } from './quality-issue.state';

export function decide(command: QualityIssueCommand, state: QualityIssueState): QualityIssueEvent[] {
  if (parseIsoTimestamp(command.data.at) === null)
    refuseInvalid([{ field: 'at', message: `must be an ISO 8601 timestamp with offset, got ${command.data.at}` }]);
  switch (command.type) {
    case 'quality-issue.log':
      return [log(command, state)];
    case 'quality-issue.assign':
      return [assign(command, state)];
    case 'quality-issue.rectify':
      return [submitRectification(command, state)];
    case 'quality-issue.verify':
      return [verify(command, state)];
    case 'quality-issue.reopen':
      return [reopen(command, state)];
    default:
      return assertNever(command, 'quality-issue command');
  }
}

export const qualityIssueDecider: Decider<QualityIssueCommand, QualityIssueEvent, QualityIssueState> = { initialState, evolve, decide };

function log({ data }: LogQualityIssue, state: QualityIssueState): QualityIssueEvent {
  const { at, actor } = data;
  requireInspector(actor, 'log a quality issue');
  if (state.status !== 'none') refuseExisting(data.issueId, state.status);
  const problems: DomainErrorDetail[] = (['issueId', 'matterId', 'departmentId', 'regionCode', 'description'] as const)
    .filter((field) => blank(data[field]))
    .map((field) => ({ field, message: 'must not be empty' }));
  const category = isQualityIssueCategory(data.category) ? data.category : null;
  if (category === null) problems.push({ field: 'category', message: `unknown category ${data.category}` });
  problems.push(...deadlineProblems(data.deadline, at));
  if (category === null || problems.length > 0) return refuseInvalid(problems);
  const { issueId, matterId, departmentId, regionCode, deadline } = data;
  return {
    type: 'quality-issue.found',
    data: {
      issueId,
      matterId,
      departmentId,
      regionCode,
      category,
      description: data.description.trim(),
      deadline,
      rule: trimmedOrNull(data.rule),
      at,
      inspector: actor.userId,
    },
  };
}

function assign({ data: { at, actor } }: AssignQualityIssue, state: QualityIssueState): QualityIssueEvent {
  requireInspector(actor, 'assign a quality issue');
  const { issue } = requireStatus(state, 'found', 'assign');
  return {
    type: 'quality-issue.assigned',
    data: { issueId: issue.issueId, departmentId: issue.departmentId, deadline: issue.deadline, at, assignedBy: actor.userId },
  };
}

function submitRectification({ data }: SubmitRectification, state: QualityIssueState): QualityIssueEvent {
  const { at, actor } = data;
  if (state.status !== 'none') requireOwnDepartment(actor, state.issue.departmentId);
  const { issue } = requireStatus(state, 'assigned', 'submit a rectification for');
  if (blank(data.note)) refuseInvalid([{ field: 'note', message: 'a rectification needs a note saying what was fixed' }]);
  return {
    type: 'quality-issue.rectification-submitted',
    data: { issueId: issue.issueId, departmentId: issue.departmentId, note: data.note.trim(), at, submittedBy: actor.userId },
  };
}

function verify({ data }: VerifyRectification, state: QualityIssueState): QualityIssueEvent {
  const { at, actor } = data;
  requireInspector(actor, 'verify a rectification');
  const { issue } = requireStatus(state, 'rectified', 'verify');
  const comment = trimmedOrNull(data.comment);
  if (data.passed) return { type: 'quality-issue.verified', data: { issueId: issue.issueId, comment, at, verifiedBy: actor.userId } };
  if (comment === null)
    return refuseInvalid([
      { field: 'comment', message: 'a failed verification needs a comment telling the department what is still wrong' },
    ]);
  return { type: 'quality-issue.verification-failed', data: { issueId: issue.issueId, comment, at, verifiedBy: actor.userId } };
}

function reopen({ data }: ReopenQualityIssue, state: QualityIssueState): QualityIssueEvent {
  const { at, actor } = data;
  requireInspector(actor, 'reopen a quality issue');
  const { issue } = requireStatus(state, 'closed', 'reopen');
  const problems = blank(data.reason) ? [{ field: 'reason', message: 'reopening needs a reason (the regression found)' }] : [];
  problems.push(...deadlineProblems(data.deadline, at));
  if (problems.length > 0) refuseInvalid(problems);
  return {
    type: 'quality-issue.reopened',
    data: { issueId: issue.issueId, reason: data.reason.trim(), deadline: data.deadline, at, reopenedBy: actor.userId },
  };
}

function requireStatus<S extends QualityIssueStatus>(
  state: QualityIssueState,
  status: S,
  command: string,
): Extract<ExistingIssue, { status: S }> {
  if (state.status !== status) refuseTransition(state.status, command, `it must be ${status}`);
  return state as Extract<ExistingIssue, { status: S }>;
}

/** The deadline is a real date, not before the date the command is issued (in the offset `at` is written in). */
function deadlineProblems(deadline: string, at: string): DomainErrorDetail[] {
  if (!isCalendarDate(deadline)) return [{ field: 'deadline', message: `must be a date YYYY-MM-DD, got ${deadline}` }];
  const issuedOn = at.slice(0, 10);
  return deadline < issuedOn ? [{ field: 'deadline', message: `${deadline} is before ${issuedOn}` }] : [];
}

const trimmedOrNull = (value: string | null | undefined): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const blank = (value: string | null | undefined): boolean => trimmedOrNull(value) === null;
