/** Shared fixtures for the quality-issue unit specs: actors, commands and a given/when/then helper. */
import { DomainError } from '@app/kernel';
import type { Actor } from './actor';
import type { QualityIssueCommand } from './quality-issue.commands';
import { decide } from './quality-issue.decider';
import type { QualityIssueEvent } from './quality-issue.events';
import { foldQualityIssue } from './quality-issue.state';

export const inspector: Actor = { userId: 'insp-1', roles: ['inspector'] };
export const admin: Actor = { userId: 'admin-1', roles: ['admin'] };
export const officer: Actor = { userId: 'off-1', roles: ['department_officer'], departmentId: 'dept-market' };
export const otherOfficer: Actor = { userId: 'off-2', roles: ['department_officer'], departmentId: 'dept-tax' };
export const assessor: Actor = { userId: 'ass-1', roles: ['assessor'] };

export const AT = '2019-10-08T09:00:00+08:00';
const issueId = 'qi-1';

export const found: QualityIssueEvent = {
  type: 'quality-issue.found',
  data: {
    issueId,
    matterId: 'matter-1',
    departmentId: 'dept-market',
    regionCode: '330602',
    category: 'time_limit_inconsistent',
    description: '承诺时限为0但不是即办件',
    deadline: '2019-10-29',
    rule: null,
    at: AT,
    inspector: 'insp-1',
  },
};
export const assigned: QualityIssueEvent = {
  type: 'quality-issue.assigned',
  data: { issueId, departmentId: 'dept-market', deadline: '2019-10-29', at: '2019-10-08T10:00:00+08:00', assignedBy: 'insp-1' },
};
export const rectified: QualityIssueEvent = {
  type: 'quality-issue.rectification-submitted',
  data: { issueId, departmentId: 'dept-market', note: '已改为即办件', at: '2019-10-10T09:00:00+08:00', submittedBy: 'off-1' },
};
export const verified: QualityIssueEvent = {
  type: 'quality-issue.verified',
  data: { issueId, comment: null, at: '2019-10-11T09:00:00+08:00', verifiedBy: 'insp-1' },
};

export const logCommand = (
  overrides: Partial<Extract<QualityIssueCommand, { type: 'quality-issue.log' }>['data']> = {},
  actor = inspector,
): QualityIssueCommand => ({
  type: 'quality-issue.log',
  data: {
    issueId,
    matterId: 'matter-1',
    departmentId: 'dept-market',
    regionCode: '330602',
    category: 'time_limit_inconsistent',
    description: '承诺时限为0但不是即办件',
    deadline: '2019-10-29',
    ...overrides,
    at: AT,
    actor,
  },
});

/** Commands with defaults, and the event histories of each status. */
export const assign = (actor: Actor = inspector): QualityIssueCommand => ({
  type: 'quality-issue.assign',
  data: { issueId: 'qi-1', at: AT, actor },
});
export const rectify = (actor: Actor = officer, note = '已改'): QualityIssueCommand => ({
  type: 'quality-issue.rectify',
  data: { issueId: 'qi-1', note, at: AT, actor },
});
export const verify = (actor: Actor = inspector, passed = true, comment?: string): QualityIssueCommand => ({
  type: 'quality-issue.verify',
  data: { issueId: 'qi-1', passed, comment, at: AT, actor },
});
export const reopen = (actor: Actor = inspector, reason = '回退', deadline = '2019-12-20'): QualityIssueCommand => ({
  type: 'quality-issue.reopen',
  data: { issueId: 'qi-1', reason, deadline, at: AT, actor },
});

export const none: QualityIssueEvent[] = [];
export const isFound = [found];
export const isAssigned = [found, assigned];
export const isRectified = [found, assigned, rectified];
export const isClosed = [found, assigned, rectified, verified];

/** The `DomainError` thrown by `act` (the test fails if nothing, or something else, is thrown). */
export function refusalOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

/** given(events).when(command) → the events decided, or the `DomainError` thrown (code and message). */
export function given(events: readonly QualityIssueEvent[]) {
  const state = foldQualityIssue(events);
  return {
    state,
    when: (command: QualityIssueCommand) => ({
      then: (expected: QualityIssueEvent[]) => expect(decide(command, state)).toEqual(expected),
      thenRefused: (code: string, reason: RegExp) => {
        const error = refusalOf(() => decide(command, state));
        expect(error.code).toBe(code);
        expect(error.message).toMatch(reason);
      },
    }),
  };
}
