import type { Actor } from './actor';
import {
  assessor,
  assign,
  given,
  inspector,
  isAssigned,
  isClosed,
  isFound,
  isRectified,
  logCommand,
  none,
  officer,
  otherOfficer,
  rectify,
  reopen,
  verify,
} from './quality-issue.spec-fixtures';

describe('quality-issue decider — permissions', () => {
  it.each([
    ['a department officer logs', none, logCommand({}, officer)],
    ['an assessor logs', none, logCommand({}, assessor)],
    ['a department officer assigns', isFound, assign(officer)],
    ['a department officer verifies its own rectification', isRectified, verify(officer)],
    ['an assessor verifies', isRectified, verify(assessor)],
    ['a department officer reopens', isClosed, reopen(officer)],
  ])('refuses when %s: only inspectors or admins', (_, events, command) => {
    given(events)
      .when(command)
      .thenRefused('forbidden', /only an inspector or admin/);
  });

  it.each([
    ['an officer of another department', otherOfficer],
    ['an inspector', inspector],
    ['an assessor', assessor],
    ['a user with the department but not the officer role', { userId: 'u', roles: ['assessor'], departmentId: 'dept-market' } as Actor],
  ])('refuses a rectification by %s: only the issue’s own department', (_, actor) => {
    given(isAssigned)
      .when(rectify(actor))
      .thenRefused('forbidden', /only a department officer of dept-market/);
  });
});
