import type { Aggregate } from '@app/event-store';
import { redCardDecider, type RedCardCommand, type RedCardEvent, type RedCardState } from '../domain';
import { redCardStreamId } from '../shared/supervision-streams';

/**
 * Red cards (红牌) on the one command path: `red-card-<uuid>` streams, owned by the department of
 * the application they were issued to — so another department's card is answered like an unknown
 * one (404) and its explanation refused the same way.
 */
export const redCards: Aggregate<RedCardCommand, RedCardEvent, RedCardState> = {
  name: 'red card',
  decider: redCardDecider,
  streamId: redCardStreamId,
  departmentOf: (state) => (state.status === 'none' ? undefined : state.departmentId),
};
