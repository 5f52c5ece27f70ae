import type { Decider } from '@app/kernel';
import type { ApplicationCommand } from './application.commands';
import { decideApplication } from './application.decide';
import type { ApplicationEvent } from './application.events';
import { evolveApplication } from './application.evolve';
import { ApplicationState, initialApplicationState } from './application.state';

/**
 * The application aggregate (办件): submitted → (rejected | supplement ⇄ | accepted) → special
 * procedures / suspensions → completed → delivered, evaluated once.
 */
export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  initialState: initialApplicationState,
  evolve: evolveApplication,
  decide: decideApplication,
};
