import { assertNever } from '@app/kernel';
import type { RedCardEvent } from './red-card.events';
import type { RedCardState } from './red-card.state';

/** Applies one event; an event that does not fit the state (a corrupted stream) leaves it unchanged. */
export function evolveRedCard(state: RedCardState, event: RedCardEvent): RedCardState {
  switch (event.type) {
    case 'red-card.issued': {
      if (state.status !== 'none') return state;
      const { cardId, applicationId, departmentId, regionCode, issuedOn, deadline, at } = event.data;
      return { status: 'issued', cardId, applicationId, departmentId, regionCode, issuedOn, deadline, reviews: [], lastAt: at };
    }
    case 'red-card.explained': {
      if (state.status !== 'issued') return state;
      const { text, at } = event.data;
      return { ...state, status: 'explained', explanation: { text, at }, lastAt: at };
    }
    case 'red-card.reviewed': {
      if (state.status !== 'explained') return state;
      const { accepted, comment, at } = event.data;
      const review = { explanation: state.explanation.text, accepted, ...(comment !== undefined ? { comment } : {}), at };
      const reviews = [...state.reviews, review];
      if (accepted) return { ...state, status: 'closed', reviews, lastAt: at };
      const { explanation: _returned, ...card } = state;
      return { ...card, status: 'issued', reviews, lastAt: at };
    }
    default:
      return assertNever(event, 'red-card event');
  }
}
