import { decide } from './quality-issue.decider';
import type { QualityIssueCommand } from './quality-issue.commands';
import {
  assign,
  given,
  inspector,
  isAssigned,
  isClosed,
  isRectified,
  logCommand,
  none,
  officer,
  rectify,
  refusalOf,
  reopen,
  verify,
} from './quality-issue.spec-fixtures';
import { foldQualityIssue } from './quality-issue.state';

describe('quality-issue decider — invalid commands', () => {
  it.each([
    ['an unknown category', logCommand({ category: 'typo' }), /category: unknown category typo/],
    ['an empty description', logCommand({ description: '  ' }), /description: must not be empty/],
    ['no matter', logCommand({ matterId: '' }), /matterId: must not be empty/],
    ['no department', logCommand({ departmentId: '' }), /departmentId: must not be empty/],
    ['no region', logCommand({ regionCode: '' }), /regionCode: must not be empty/],
    ['a deadline that is no date', logCommand({ deadline: '2019-02-29' }), /deadline: must be a date YYYY-MM-DD/],
    ['a deadline before the finding', logCommand({ deadline: '2019-10-07' }), /deadline: 2019-10-07 is before 2019-10-08/],
    [
      'a business time that is no timestamp',
      { ...logCommand(), data: { ...logCommand().data, at: '2019-10-08 09:00' } } as QualityIssueCommand,
      /at: must be an ISO 8601 timestamp/,
    ],
  ])('refuses to log with %s', (_, command, reason) => {
    given(none).when(command).thenRefused('invalid_command', reason);
  });

  it('reports every offending field at once, as problem details', () => {
    const error = refusalOf(() => decide(logCommand({ description: '', category: 'typo', deadline: 'soon' }), foldQualityIssue([])));
    expect(error).toMatchObject({ code: 'invalid_command', kind: 'invalid' });
    expect(error.details.map((d) => d.field)).toEqual(['description', 'category', 'deadline']);
  });

  it('permission and state refusals are conflicts unless mapped by code (forbidden → 403)', () => {
    given(none)
      .when(logCommand({}, officer))
      .thenRefused('forbidden', /only an inspector/);
    expect(refusalOf(() => decide(assign(), foldQualityIssue(isClosed))).kind).toBe('conflict');
  });

  it('refuses a rectification without a note', () => {
    given(isAssigned)
      .when(rectify(officer, ' '))
      .thenRefused('invalid_command', /note: a rectification needs a note/);
  });

  it('refuses a failed verification without a comment', () => {
    given(isRectified)
      .when(verify(inspector, false))
      .thenRefused('invalid_command', /comment: a failed verification needs a comment/);
    given(isRectified)
      .when(verify(inspector, false, '   '))
      .thenRefused('invalid_command', /needs a comment/);
  });

  it('refuses a reopen without a reason or with a bad deadline', () => {
    given(isClosed)
      .when(reopen(inspector, ''))
      .thenRefused('invalid_command', /reason: reopening needs a reason/);
    given(isClosed)
      .when(reopen(inspector, '回退', '2019-10-01'))
      .thenRefused('invalid_command', /deadline: 2019-10-01 is before 2019-10-08/);
    given(isClosed)
      .when(reopen(inspector, '回退', '20191220'))
      .thenRefused('invalid_command', /deadline: must be a date/);
  });
});
