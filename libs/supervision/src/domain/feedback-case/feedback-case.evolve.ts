import { assertNever } from '@app/kernel';
import type { FeedbackCaseEvent } from './feedback-case.events';
import type { FeedbackCaseState } from './feedback-case.state';

/** Applies one event; an event that does not fit the state (a corrupted stream) leaves it unchanged. */
export function evolveFeedbackCase(state: FeedbackCaseState, event: FeedbackCaseEvent): FeedbackCaseState {
  switch (event.type) {
    case 'feedback-case.opened': {
      if (state.status !== 'none') return state;
      const { at, ...opened } = event.data;
      return { status: 'open', ...opened, lastAt: at };
    }
    case 'feedback-case.contacted': {
      if (state.status !== 'open') return state;
      const { note, at } = event.data;
      return { ...state, status: 'contacted', contact: { note, at }, lastAt: at };
    }
    case 'feedback-case.rectified': {
      if (state.status !== 'contacted') return state;
      const { note, at } = event.data;
      return { ...state, status: 'rectified', rectification: { note, at }, lastAt: at };
    }
    case 'feedback-case.re_rated': {
      if (state.status !== 'rectified') return state;
      const { score, comment, at } = event.data;
      return { ...state, status: 'closed', reRating: { score, ...(comment !== undefined ? { comment } : {}), at }, lastAt: at };
    }
    default:
      return assertNever(event, 'feedback-case event');
  }
}
