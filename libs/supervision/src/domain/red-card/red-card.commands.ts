import type { CalendarDate } from '@app/kernel';

/**
 * Commands of the red card (红牌) aggregate. Every command carries `at`, the business time (ISO
 * 8601 with offset); who gave it is recorded by the command path.
 */

/** The sweep of business date D (system actor, `at` on D) issues a card to an application red on D. */
export interface IssueRedCard {
  type: 'red-card.issue';
  data: {
    /** `redCardIdOf(applicationId)`: one card per application */
    cardId: string;
    applicationId: string;
    departmentId: string;
    regionCode: string;
    /** the application's deadline as of D (before D: that is why it is red) */
    deadline: CalendarDate;
    at: string;
  };
}
/** 说明: the application's department explains the overrun. */
export interface ExplainRedCard {
  type: 'red-card.explain';
  data: { text: string; at: string };
}
/** An inspector accepts the explanation (the card is closed) or returns it (issued again). */
export interface ReviewRedCard {
  type: 'red-card.review';
  data: { accepted: boolean; comment?: string; at: string };
}

export type RedCardCommand = IssueRedCard | ExplainRedCard | ReviewRedCard;
