import type { Decider } from '@app/kernel';
import type { RedCardCommand } from './red-card.commands';
import { decideRedCard } from './red-card.decide';
import type { RedCardEvent } from './red-card.events';
import { evolveRedCard } from './red-card.evolve';
import { RedCardState, initialRedCardState } from './red-card.state';

/**
 * The red card (红牌): issued by the sweep to an application past its deadline → explained by its
 * department → reviewed by an inspector: accepted → closed, returned → issued, to be explained again.
 */
export const redCardDecider: Decider<RedCardCommand, RedCardEvent, RedCardState> = {
  initialState: initialRedCardState,
  evolve: evolveRedCard,
  decide: decideRedCard,
};
