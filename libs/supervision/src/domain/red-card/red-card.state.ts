import type { CalendarDate } from '@app/kernel';

export interface RedCardReview {
  explanation: string;
  accepted: boolean;
  comment?: string;
  at: string;
}

/** What every issued card knows. */
interface CardFile {
  cardId: string;
  applicationId: string;
  departmentId: string;
  regionCode: string;
  issuedOn: CalendarDate;
  deadline: CalendarDate;
  /** every review so far, oldest first (returned explanations included) */
  reviews: RedCardReview[];
  /** business time of the last event: commands may not go back before it */
  lastAt: string;
}

export interface NoRedCard {
  status: 'none';
}
export interface IssuedRedCard extends CardFile {
  status: 'issued';
}
export interface ExplainedRedCard extends CardFile {
  status: 'explained';
  explanation: { text: string; at: string };
}
export interface ClosedRedCard extends CardFile {
  status: 'closed';
  explanation: { text: string; at: string };
}

export type RedCardState = NoRedCard | IssuedRedCard | ExplainedRedCard | ClosedRedCard;
export type RedCardStatus = RedCardState['status'];

export const initialRedCardState = (): RedCardState => ({ status: 'none' });
