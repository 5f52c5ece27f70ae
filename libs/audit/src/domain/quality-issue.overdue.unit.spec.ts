import type { QualityIssueEvent } from './quality-issue.events';
import { isOverdue } from './quality-issue.overdue';
import { assigned, found, rectified, verified } from './quality-issue.spec-fixtures';
import { foldQualityIssue } from './quality-issue.state';

const reopened: QualityIssueEvent = {
  type: 'quality-issue.reopened',
  data: { issueId: 'qi-1', reason: '回退', deadline: '2019-12-20', at: '2019-12-01T09:00:00+08:00', reopenedBy: 'insp-1' },
};

describe('isOverdue (deadline 2019-10-29)', () => {
  it.each([
    ['found', [found]],
    ['assigned', [found, assigned]],
    ['rectified but not yet verified', [found, assigned, rectified]],
  ])('an open issue (%s) is on time up to and including its deadline, overdue after it', (_, events) => {
    const state = foldQualityIssue(events);
    expect(isOverdue(state, '2019-10-28')).toBe(false);
    expect(isOverdue(state, '2019-10-29')).toBe(false);
    expect(isOverdue(state, '2019-10-30')).toBe(true);
  });

  it('a closed issue (销号) is never overdue', () => {
    expect(isOverdue(foldQualityIssue([found, assigned, rectified, verified]), '2020-01-01')).toBe(false);
  });

  it('no issue is never overdue', () => {
    expect(isOverdue(foldQualityIssue([]), '2020-01-01')).toBe(false);
  });

  it('a reopened issue is measured against its new deadline', () => {
    const state = foldQualityIssue([found, assigned, rectified, verified, reopened]);
    expect(isOverdue(state, '2019-12-20')).toBe(false);
    expect(isOverdue(state, '2019-12-23')).toBe(true);
  });
});
