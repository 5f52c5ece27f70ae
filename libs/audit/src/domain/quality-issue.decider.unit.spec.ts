import { decide } from './quality-issue.decider';
import { admin, AT, assigned, found, given, inspector, logCommand, officer, rectified, verified } from './quality-issue.spec-fixtures';
import { foldQualityIssue } from './quality-issue.state';

describe('quality-issue decider — transitions', () => {
  it('found: an inspector logs a defect against a matter', () => {
    given([]).when(logCommand()).then([found]);
  });

  it('found: an automated finding records its rule; description is trimmed', () => {
    const event = decide(logCommand({ rule: 'visits.without-reason', description: '  跑动无理由 ' }, admin), foldQualityIssue([]));
    expect(event).toEqual([
      {
        type: 'quality-issue.found',
        data: { ...found.data, rule: 'visits.without-reason', description: '跑动无理由', inspector: 'admin-1' },
      },
    ]);
  });

  it('assigned: found → assigned to the matter’s department with the deadline', () => {
    given([found])
      .when({ type: 'quality-issue.assign', data: { issueId: 'qi-1', at: '2019-10-08T10:00:00+08:00', actor: inspector } })
      .then([assigned]);
  });

  it('rectification submitted: assigned → rectified, by an officer of the issue’s department', () => {
    given([found, assigned])
      .when({
        type: 'quality-issue.rectify',
        data: { issueId: 'qi-1', note: ' 已改为即办件 ', at: '2019-10-10T09:00:00+08:00', actor: officer },
      })
      .then([rectified]);
  });

  it('rectification submitted: an admin may submit for any department', () => {
    given([found, assigned])
      .when({ type: 'quality-issue.rectify', data: { issueId: 'qi-1', note: '已改', at: '2019-10-10T09:00:00+08:00', actor: admin } })
      .then([
        {
          type: 'quality-issue.rectification-submitted',
          data: { issueId: 'qi-1', departmentId: 'dept-market', note: '已改', at: '2019-10-10T09:00:00+08:00', submittedBy: 'admin-1' },
        },
      ]);
  });

  it('verified (销号): rectified → closed when verification passes', () => {
    given([found, assigned, rectified])
      .when({ type: 'quality-issue.verify', data: { issueId: 'qi-1', passed: true, at: '2019-10-11T09:00:00+08:00', actor: inspector } })
      .then([verified]);
  });

  it('verification failed: rectified → assigned again, with the comment', () => {
    const failed = {
      type: 'quality-issue.verification-failed' as const,
      data: { issueId: 'qi-1', comment: '材料清单仍未修改', at: '2019-10-11T09:00:00+08:00', verifiedBy: 'insp-1' },
    };
    given([found, assigned, rectified])
      .when({
        type: 'quality-issue.verify',
        data: { issueId: 'qi-1', passed: false, comment: '材料清单仍未修改', at: '2019-10-11T09:00:00+08:00', actor: inspector },
      })
      .then([failed]);
    const state = foldQualityIssue([found, assigned, rectified, failed]);
    expect(state).toMatchObject({ status: 'assigned', returnedWith: '材料清单仍未修改', issue: { deadline: '2019-10-29' } });
    given([found, assigned, rectified, failed])
      .when({ type: 'quality-issue.rectify', data: { issueId: 'qi-1', note: '再次整改', at: '2019-10-12T09:00:00+08:00', actor: officer } })
      .then([
        {
          type: 'quality-issue.rectification-submitted',
          data: { issueId: 'qi-1', departmentId: 'dept-market', note: '再次整改', at: '2019-10-12T09:00:00+08:00', submittedBy: 'off-1' },
        },
      ]);
  });

  it('reopened: closed → assigned again with the new deadline and the reason', () => {
    const reopened = {
      type: 'quality-issue.reopened' as const,
      data: {
        issueId: 'qi-1',
        reason: '复查发现又改回承诺件',
        deadline: '2019-12-20',
        at: '2019-11-29T09:00:00+08:00',
        reopenedBy: 'insp-1',
      },
    };
    given([found, assigned, rectified, verified])
      .when({
        type: 'quality-issue.reopen',
        data: {
          issueId: 'qi-1',
          reason: '复查发现又改回承诺件',
          deadline: '2019-12-20',
          at: '2019-11-29T09:00:00+08:00',
          actor: inspector,
        },
      })
      .then([reopened]);
    expect(foldQualityIssue([found, assigned, rectified, verified, reopened])).toMatchObject({
      status: 'assigned',
      returnedWith: '复查发现又改回承诺件',
      issue: { deadline: '2019-12-20' },
    });
  });

  it('evolve folds the whole loop into a tagged state', () => {
    expect(foldQualityIssue([])).toEqual({ status: 'none' });
    expect(foldQualityIssue([found])).toMatchObject({
      status: 'found',
      issue: { issueId: 'qi-1', foundAt: AT, departmentId: 'dept-market' },
    });
    expect(foldQualityIssue([found, assigned])).toMatchObject({ status: 'assigned', returnedWith: null });
    expect(foldQualityIssue([found, assigned, rectified])).toMatchObject({ status: 'rectified', note: '已改为即办件' });
    expect(foldQualityIssue([found, assigned, rectified, verified])).toMatchObject({
      status: 'closed',
      since: '2019-10-11T09:00:00+08:00',
    });
  });
});
