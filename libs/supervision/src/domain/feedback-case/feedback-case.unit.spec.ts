import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError, businessCalendar, foldEvents } from '@app/kernel';
import { feedbackCaseIdOf } from '../supervision-ids';
import { DEFAULT_SUPERVISION_LIMITS, isBadReview } from '../supervision-limits';
import type { FeedbackCaseCommand } from './feedback-case.commands';
import { feedbackCaseDecider } from './feedback-case.decider';
import type { FeedbackCaseEvent } from './feedback-case.events';
import { feedbackCaseOverdue, isFeedbackCaseOverdue, rectifiedOnTime } from './feedback-case.overdue';

const given = DeciderSpecification.for(feedbackCaseDecider);
const refusedWith = (code: string, text?: string) => (error: DomainError) =>
  error instanceof DomainError && error.code === code && (text === undefined || error.message.includes(text));
const on = (date: string, time = '10:00') => `${date}T${time}:00+08:00`;

const applicationId = 'app-1';
const caseId = feedbackCaseIdOf(applicationId);
const about = { caseId, applicationId, departmentId: 'dept-market', regionCode: '330602' };
const limits = { contactWorkdays: DEFAULT_SUPERVISION_LIMITS.contactWorkdays, rectifyWorkdays: DEFAULT_SUPERVISION_LIMITS.rectifyWorkdays };

type OpenData = Extract<FeedbackCaseCommand, { type: 'feedback-case.open' }>['data'];
const open = (date: string, overrides: Partial<OpenData> = {}): FeedbackCaseCommand => ({
  type: 'feedback-case.open',
  data: { ...about, score: 2, limits, at: on(date), ...overrides },
});
/** evaluated Mon 30 Sep 2019: contact by Tue 8 Oct (after National Day), rectify by Fri 25 Oct (Sat 12 Oct counted) */
const opened: FeedbackCaseEvent = {
  type: 'feedback-case.opened',
  data: { ...about, score: 2, openedOn: '2019-09-30', contactDueOn: '2019-10-08', rectifyDueOn: '2019-10-25', at: on('2019-09-30') },
};
const contact = (date: string): FeedbackCaseCommand => ({ type: 'feedback-case.contact', data: { note: '电话回访', at: on(date) } });
const contacted = (date: string): FeedbackCaseEvent => ({
  type: 'feedback-case.contacted',
  data: { caseId, note: '电话回访', at: on(date) },
});
const rectify = (date: string): FeedbackCaseCommand => ({ type: 'feedback-case.rectify', data: { note: '窗口流程已优化', at: on(date) } });
const rectified = (date: string): FeedbackCaseEvent => ({
  type: 'feedback-case.rectified',
  data: { caseId, note: '窗口流程已优化', at: on(date) },
});
const reRate = (date: string, score = 4, comment?: string): FeedbackCaseCommand => ({
  type: 'feedback-case.re_rate',
  data: { score, ...(comment !== undefined ? { comment } : {}), at: on(date) },
});
const reRated = (date: string, score = 4): FeedbackCaseEvent => ({ type: 'feedback-case.re_rated', data: { caseId, score, at: on(date) } });

describe('feedback case decider (差评整改)', () => {
  it('a 差评 is a score of at most 2', () => {
    expect([1, 2, 3, 4, 5].map(isBadReview)).toEqual([true, true, false, false, false]);
  });

  describe('open', () => {
    it('is opened on the evaluation’s business date with its due dates, across National Day', () => {
      given([]).when(open('2019-09-30')).then([opened]);
    });
    it('counts the make-up working days: evaluated Fri 27 Sep → contact due Sun 29 Sep', () => {
      given([])
        .when(open('2019-09-27', { score: 1 }))
        .then([
          {
            type: 'feedback-case.opened',
            data: {
              ...about,
              score: 1,
              openedOn: '2019-09-27',
              contactDueOn: '2019-09-29',
              rectifyDueOn: '2019-10-23',
              at: on('2019-09-27'),
            },
          },
        ]);
    });
    it('takes its limits as data', () => {
      given([])
        .when(open('2019-09-30', { limits: { contactWorkdays: 2, rectifyWorkdays: 10 } }))
        .then([{ ...opened, data: { ...opened.data, contactDueOn: '2019-10-09', rectifyDueOn: '2019-10-18' } } as FeedbackCaseEvent]);
    });
    it('refuses a second case for the evaluation (409 already_exists)', () => {
      given([opened])
        .when(open('2019-09-30'))
        .thenThrows(DomainError, (error) => refusedWith('already_exists')(error) && error.kind === 'conflict');
    });
    it('refuses a score that is not a 差评, an id not derived from the application, and bad limits (400)', () => {
      given([])
        .when(open('2019-09-30', { score: 3 }))
        .thenThrows(DomainError, (error) => refusedWith('invalid_command', 'only a bad review')(error) && error.kind === 'invalid');
      given([])
        .when(open('2019-09-30', { score: 0 }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'score'));
      given([])
        .when(open('2019-09-30', { caseId: 'case-1' }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'caseId'));
      given([])
        .when(open('2019-09-30', { limits: { contactWorkdays: 5, rectifyWorkdays: 2 } }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'limits.rectifyWorkdays'));
      given([])
        .when(open('2019-09-30', { limits: { contactWorkdays: 1.5, rectifyWorkdays: 15 } }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'limits.contactWorkdays'));
    });
  });

  describe('contact (回访) → rectification (整改) → re-rating (再评价, closed)', () => {
    it('goes through every step', () => {
      given([opened])
        .when(contact('2019-10-08'))
        .then([contacted('2019-10-08')]);
      given([opened, contacted('2019-10-08')])
        .when(rectify('2019-10-20'))
        .then([rectified('2019-10-20')]);
      given([opened, contacted('2019-10-08'), rectified('2019-10-20')])
        .when(reRate('2019-10-21', 4, ' '))
        .then([reRated('2019-10-21')]);
      const closed = foldEvents(feedbackCaseDecider, [opened, contacted('2019-10-08'), rectified('2019-10-20'), reRated('2019-10-21')]);
      expect(closed).toMatchObject({ status: 'closed', reRating: { score: 4 } });
    });
    it('refuses to contact twice, to rectify before contact or twice (409)', () => {
      given([opened, contacted('2019-10-08')])
        .when(contact('2019-10-09'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'contacted already'));
      given([opened]).when(rectify('2019-10-09')).thenThrows(DomainError, refusedWith('illegal_transition', 'contact the applicant first'));
      given([opened, contacted('2019-10-08'), rectified('2019-10-20')])
        .when(rectify('2019-10-21'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'rectified already'));
    });
    it('refuses a re-evaluation before rectification and a second one (409)', () => {
      given([opened, contacted('2019-10-08')])
        .when(reRate('2019-10-09'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'only after rectification'));
      given([opened, contacted('2019-10-08'), rectified('2019-10-20'), reRated('2019-10-21')])
        .when(reRate('2019-10-22', 5))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'a re-evaluation is given once'));
      given([opened, contacted('2019-10-08'), rectified('2019-10-20'), reRated('2019-10-21')])
        .when(contact('2019-10-22'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state closed'));
    });
    it('refuses commands on a case never opened (404), out of order (409), blank notes and bad scores (400)', () => {
      given([])
        .when(contact('2019-10-08'))
        .thenThrows(DomainError, (error) => refusedWith('not_found')(error) && error.kind === 'not_found');
      given([opened]).when(contact('2019-09-29')).thenThrows(DomainError, refusedWith('out_of_order'));
      given([opened])
        .when({ type: 'feedback-case.contact', data: { note: '', at: on('2019-10-08') } })
        .thenThrows(DomainError, refusedWith('invalid_command', 'note'));
      given([opened, contacted('2019-10-08'), rectified('2019-10-20')])
        .when(reRate('2019-10-21', 6))
        .thenThrows(DomainError, refusedWith('invalid_command', 'score'));
    });
  });

  describe('overdue(asOf)', () => {
    const calendar = businessCalendar();
    const at = (events: FeedbackCaseEvent[], asOf: string) => feedbackCaseOverdue(foldEvents(feedbackCaseDecider, events), asOf, calendar);
    it('contact is overdue after contactDueOn while not contacted; the due date itself is on time', () => {
      expect(at([opened], '2019-10-08')).toEqual({ contact: false, rectification: false });
      expect(at([opened], '2019-10-09')).toEqual({ contact: true, rectification: false });
      expect(at([opened, contacted('2019-10-08')], '2019-10-09')).toEqual({ contact: false, rectification: false });
    });
    it('is exact as of a date: a step recorded later does not count yet, a case opened later is not overdue', () => {
      expect(at([opened, contacted('2019-10-10')], '2019-10-09')).toEqual({ contact: true, rectification: false });
      expect(at([opened], '2019-09-29')).toEqual({ contact: false, rectification: false });
    });
    it('rectification is overdue after rectifyDueOn while not rectified', () => {
      expect(at([opened, contacted('2019-10-08')], '2019-10-25')).toEqual({ contact: false, rectification: false });
      expect(at([opened, contacted('2019-10-08')], '2019-10-26')).toEqual({ contact: false, rectification: true });
      expect(at([opened], '2019-10-28')).toEqual({ contact: true, rectification: true });
      const late = foldEvents(feedbackCaseDecider, [opened, contacted('2019-10-08'), rectified('2019-10-28')]);
      expect(isFeedbackCaseOverdue(late, '2019-10-28', calendar)).toBe(false);
      expect(isFeedbackCaseOverdue(late, '2019-10-27', calendar)).toBe(true);
    });
    it('rectified on time: by rectifyDueOn', () => {
      const onTime = foldEvents(feedbackCaseDecider, [opened, contacted('2019-10-08'), rectified('2019-10-25'), reRated('2019-10-26')]);
      const late = foldEvents(feedbackCaseDecider, [opened, contacted('2019-10-08'), rectified('2019-10-28')]);
      expect(rectifiedOnTime(onTime, '2019-12-31', calendar)).toBe(true);
      expect(rectifiedOnTime(onTime, '2019-10-24', calendar)).toBe(false);
      expect(rectifiedOnTime(late, '2019-12-31', calendar)).toBe(false);
    });
  });
});
