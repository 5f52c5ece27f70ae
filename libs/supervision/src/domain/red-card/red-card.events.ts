import type { CalendarDate } from '@app/kernel';

/** Events of a red-card stream: stable dotted names, `data` schema version 1, each with the card id and business time `at`. */
type Data<T = object> = { cardId: string; at: string } & T;

export interface RedCardIssued {
  type: 'red-card.issued';
  data: Data<{
    applicationId: string;
    departmentId: string;
    regionCode: string;
    level: 'red';
    /** the business date of the sweep that issued it */
    issuedOn: CalendarDate;
    deadline: CalendarDate;
  }>;
}
export interface RedCardExplained {
  type: 'red-card.explained';
  data: Data<{ text: string }>;
}
/** accepted → closed; not accepted → issued again, to be explained again */
export interface RedCardReviewed {
  type: 'red-card.reviewed';
  data: Data<{ accepted: boolean; comment?: string }>;
}

export type RedCardEvent = RedCardIssued | RedCardExplained | RedCardReviewed;

export const RED_CARD_EVENT_TYPES: readonly RedCardEvent['type'][] = ['red-card.issued', 'red-card.explained', 'red-card.reviewed'];
