import { businessCalendar, foldEvents } from '@app/kernel';
import { applicationDecider, type ApplicationEvent } from '@app/matters';
import { suspendedForDeferredMaterialsOn, toSupervisionSnapshot } from './application-supervision-snapshot';
import { openFeedbackCaseFor } from './feedback-case/open-feedback-case-for';
import { feedbackCaseDecider } from './feedback-case/feedback-case.decider';
import { feedbackCaseIdOf } from './supervision-ids';
import { DEFAULT_SUPERVISION_LIMITS } from './supervision-limits';
import { acceptedApplication, on } from './supervision.test-fixtures';

const calendar = businessCalendar();
const fold = (events: ApplicationEvent[]) => foldEvents(applicationDecider, events);
const id = 'app-1';

describe('what supervision reads of an application', () => {
  it('is nothing before acceptance', () => {
    expect(toSupervisionSnapshot(fold(acceptedApplication(id).slice(0, 1)), false, calendar)).toBeNull();
  });
  it('carries the deferred materials, the sweep’s suspension and the return', () => {
    const events: ApplicationEvent[] = [
      ...acceptedApplication(id, '2019-10-10'),
      { type: 'application.suspended', data: { applicationId: id, reason: 'deferred_materials_overdue', at: on('2019-10-11', '00:05') } },
      {
        type: 'application.returned',
        data: { applicationId: id, reason: 'deferred_materials_missing', items: ['营业执照复印件'], at: on('2019-10-30', '00:05') },
      },
    ];
    const snapshot = toSupervisionSnapshot(fold(events), true, calendar)!;
    expect(snapshot).toMatchObject({
      acceptedOn: '2019-09-27',
      promisedWorkdays: 5,
      closedOn: '2019-10-30',
      closedAs: 'returned',
      deferredMaterials: { items: ['营业执照复印件'], dueOn: '2019-10-10', receivedOn: null },
      hasRedCard: true,
    });
    expect(suspendedForDeferredMaterialsOn(snapshot, '2019-10-10', calendar)).toBe(false);
    expect(suspendedForDeferredMaterialsOn(snapshot, '2019-10-11', calendar)).toBe(true);
  });
  it('completed: closed on the completion date', () => {
    const events: ApplicationEvent[] = [
      ...acceptedApplication(id),
      { type: 'application.completed', data: { applicationId: id, outcome: 'approved', visits: 0, at: on('2019-10-09') } },
    ];
    expect(toSupervisionSnapshot(fold(events), false, calendar)).toMatchObject({ closedOn: '2019-10-09', closedAs: 'completed' });
  });
});

describe('the bad-review policy: openFeedbackCaseFor', () => {
  const evaluated = (score: number): ApplicationEvent[] => [
    ...acceptedApplication(id),
    { type: 'application.completed', data: { applicationId: id, outcome: 'approved', visits: 0, at: on('2019-09-27', '15:00') } },
    { type: 'application.evaluated', data: { applicationId: id, score, at: on('2019-09-30') } },
  ];
  it('opens a case for a score of 2 or less, dated at the evaluation, with the configured limits', () => {
    const command = openFeedbackCaseFor(fold(evaluated(2)), DEFAULT_SUPERVISION_LIMITS)!;
    expect(command.data).toEqual({
      caseId: feedbackCaseIdOf(id),
      applicationId: id,
      departmentId: 'dept-market',
      regionCode: '330602',
      score: 2,
      limits: { contactWorkdays: 1, rectifyWorkdays: 15 },
      at: on('2019-09-30'),
    });
    expect(feedbackCaseDecider.decide(command, feedbackCaseDecider.initialState())).toMatchObject([
      { type: 'feedback-case.opened', data: { openedOn: '2019-09-30', contactDueOn: '2019-10-08', rectifyDueOn: '2019-10-25' } },
    ]);
  });
  it('opens nothing for a score of 3 or more, or before an evaluation', () => {
    expect(openFeedbackCaseFor(fold(evaluated(3)), DEFAULT_SUPERVISION_LIMITS)).toBeNull();
    expect(openFeedbackCaseFor(fold(evaluated(5).slice(0, 3)), DEFAULT_SUPERVISION_LIMITS)).toBeNull();
  });
});
