import type { CalendarDate } from '@app/kernel';

interface Step {
  note: string;
  at: string;
}

/** What every opened case knows. */
interface CaseFile {
  caseId: string;
  applicationId: string;
  departmentId: string;
  regionCode: string;
  score: number;
  openedOn: CalendarDate;
  contactDueOn: CalendarDate;
  rectifyDueOn: CalendarDate;
  /** business time of the last event: commands may not go back before it */
  lastAt: string;
}

export interface NoFeedbackCase {
  status: 'none';
}
export interface OpenCase extends CaseFile {
  status: 'open';
}
export interface ContactedCase extends CaseFile {
  status: 'contacted';
  contact: Step;
}
export interface RectifiedCase extends CaseFile {
  status: 'rectified';
  contact: Step;
  rectification: Step;
}
export interface ClosedCase extends CaseFile {
  status: 'closed';
  contact: Step;
  rectification: Step;
  reRating: { score: number; comment?: string; at: string };
}

export type FeedbackCaseState = NoFeedbackCase | OpenCase | ContactedCase | RectifiedCase | ClosedCase;
export type FeedbackCaseStatus = FeedbackCaseState['status'];

export const initialFeedbackCaseState = (): FeedbackCaseState => ({ status: 'none' });
