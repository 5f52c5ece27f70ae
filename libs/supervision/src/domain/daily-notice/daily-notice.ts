import { assertNoProblems, DomainError, type CalendarDate, type Decider } from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';

/** What a department is told each business day (一日一告知, domain.md: notifications), as of that date. */
export interface DailyNoticeFigures {
  /** its applications open on the date (accepted, not closed) */
  openApplications: number;
  /** of those, 黄牌 and 红牌 warnings on the date */
  yellow: number;
  red: number;
  /** red cards issued to it by the date and not closed */
  openCards: number;
  /** 差评 follow-up cases opened by the date and not closed */
  openFeedbackCases: number;
  /** quality issues of its matters open and due by the date */
  qualityIssuesDue: number;
}

export interface SendDailyNotice {
  type: 'notice.send_daily';
  data: { noticeId: string; date: CalendarDate; departmentId: string; figures: DailyNoticeFigures; at: string };
}

/** The event the notifications deliver to the subscriptions of `notice.daily` (and of the department). */
export interface DailyNoticeSent {
  type: 'notice.daily';
  data: { noticeId: string; date: CalendarDate; departmentId: string; at: string } & DailyNoticeFigures;
}

export type DailyNoticeState = { status: 'none' } | { status: 'sent'; departmentId: string; date: CalendarDate };

/** One notice per department and business date (its stream's id derives from both): a rerun of the sweep sends none twice. */
export const dailyNoticeDecider: Decider<SendDailyNotice, DailyNoticeSent, DailyNoticeState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) =>
    state.status === 'none' ? { status: 'sent', departmentId: event.data.departmentId, date: event.data.date } : state,
  decide(command, state) {
    assertNoProblems('invalid_command', figureProblems(command.data.figures));
    if (state.status === 'sent') throw new DomainError('already_exists', `the notice of ${state.date} to ${state.departmentId} was sent`);
    const { noticeId, date, departmentId, figures, at } = command.data;
    return [{ type: 'notice.daily', data: { noticeId, date, departmentId, at, ...figures } }];
  },
};

function figureProblems(figures: DailyNoticeFigures): DomainErrorDetail[] {
  return Object.entries(figures)
    .filter(([, value]) => !Number.isInteger(value) || value < 0)
    .map(([field]) => ({ field: `figures.${field}`, message: 'must be a whole number ≥ 0' }));
}

/** Whether there is anything to tell: a department with nothing open, warned or due gets no notice that day. */
export const hasNews = (figures: DailyNoticeFigures): boolean => Object.values(figures).some((value) => value > 0);
