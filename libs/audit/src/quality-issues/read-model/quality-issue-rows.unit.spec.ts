import type { QualityIssueEvent } from '../../domain/quality-issue.events';
import { applyIssueEvent, type IssueRow } from './quality-issue-rows';

const found: QualityIssueEvent = {
  type: 'quality-issue.found',
  data: {
    issueId: 'i-1',
    matterId: 'm-1',
    departmentId: 'dept-a',
    regionCode: 'R1',
    category: 'other',
    description: 'defect',
    deadline: '2019-10-23',
    rule: null,
    at: '2019-09-27T09:00:00+08:00',
    inspector: 'insp',
  },
};
const at = '2019-10-11T09:00:00+08:00';

function fold(events: QualityIssueEvent[]): { row: IssueRow | undefined; steps: string[] } {
  let row: IssueRow | undefined;
  const steps: string[] = [];
  events.forEach((event, index) => {
    const next = applyIssueEvent(row, {
      event,
      issueId: 'i-1',
      version: index + 1,
      position: 10 + index,
      onDate: event.data.at.slice(0, 10),
    });
    if (next) {
      row = next.row;
      steps.push(`${next.step.step}:${next.step.status}:${next.step.deadline}`);
    }
  });
  return { row, steps };
}

describe('applyIssueEvent (issue rows and dated steps)', () => {
  it('follows the loop, closing and reopening with the dates and deadlines in force', () => {
    const { row, steps } = fold([
      found,
      { type: 'quality-issue.assigned', data: { issueId: 'i-1', departmentId: 'dept-a', deadline: '2019-10-23', at, assignedBy: 'insp' } },
      {
        type: 'quality-issue.rectification-submitted',
        data: { issueId: 'i-1', departmentId: 'dept-a', note: 'fixed', at, submittedBy: 'o' },
      },
      { type: 'quality-issue.verified', data: { issueId: 'i-1', comment: null, at, verifiedBy: 'insp' } },
    ]);
    expect(row).toMatchObject({ status: 'closed', closed_on: '2019-10-11', last_note: 'fixed', version: 4, position: 13 });
    expect(steps).toEqual([
      'found:found:2019-10-23',
      'assigned:assigned:2019-10-23',
      'rectification-submitted:rectified:2019-10-23',
      'verified:closed:2019-10-23',
    ]);
    const reopened = applyIssueEvent(row, {
      event: {
        type: 'quality-issue.reopened',
        data: { issueId: 'i-1', reason: 'regression', deadline: '2019-11-22', at, reopenedBy: 'insp' },
      },
      issueId: 'i-1',
      version: 5,
      position: 20,
      onDate: '2019-11-01',
    });
    expect(reopened?.row).toMatchObject({ status: 'assigned', deadline: '2019-11-22', closed_on: null, returned_with: 'regression' });
  });

  it('sends a failed verification back to assigned with its comment', () => {
    const { row } = fold([
      found,
      { type: 'quality-issue.verification-failed', data: { issueId: 'i-1', comment: 'still wrong', at, verifiedBy: 'insp' } },
    ]);
    expect(row).toMatchObject({ status: 'assigned', returned_with: 'still wrong' });
  });

  it('ignores an event of an issue it never saw found', () => {
    const assigned: QualityIssueEvent = {
      type: 'quality-issue.assigned',
      data: { issueId: 'x', departmentId: 'd', deadline: '2019-10-23', at, assignedBy: 'i' },
    };
    expect(applyIssueEvent(undefined, { event: assigned, issueId: 'x', version: 2, position: 1, onDate: '2019-10-11' })).toBeNull();
  });
});
