import type { CalendarDate } from '@app/kernel';

/** Events of a feedback-case stream: stable dotted names, `data` schema version 1, each with the case id and business time `at`. */
type Data<T = object> = { caseId: string; at: string } & T;

export interface FeedbackCaseOpened {
  type: 'feedback-case.opened';
  data: Data<{
    applicationId: string;
    departmentId: string;
    regionCode: string;
    /** the bad score (1 or 2) that opened it */
    score: number;
    /** the evaluation's business date */
    openedOn: CalendarDate;
    contactDueOn: CalendarDate;
    rectifyDueOn: CalendarDate;
  }>;
}
export interface ApplicantContacted {
  type: 'feedback-case.contacted';
  data: Data<{ note: string }>;
}
export interface FeedbackRectified {
  type: 'feedback-case.rectified';
  data: Data<{ note: string }>;
}
/** the applicant's second and last score: the case is closed */
export interface ServiceReRated {
  type: 'feedback-case.re_rated';
  data: Data<{ score: number; comment?: string }>;
}

export type FeedbackCaseEvent = FeedbackCaseOpened | ApplicantContacted | FeedbackRectified | ServiceReRated;

export const FEEDBACK_CASE_EVENT_TYPES: readonly FeedbackCaseEvent['type'][] = [
  'feedback-case.opened',
  'feedback-case.contacted',
  'feedback-case.rectified',
  'feedback-case.re_rated',
];
