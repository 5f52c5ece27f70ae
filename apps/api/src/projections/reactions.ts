import type { CommandExecutor, EventStore, Reaction } from '@app/event-store';
import { BadReviewPolicy } from '@app/supervision';
import type { AppConfig } from '../config/app-config';

/**
 * Every policy that follows the log and issues commands (`Reaction`), run by a `Reactor` where the
 * projections run (RUN_PROJECTIONS=true, or `npm run projections -- run`), one process at a time.
 */
export const allReactions = (store: EventStore, commands: CommandExecutor, config: AppConfig): Reaction[] => [
  new BadReviewPolicy(store, commands, {
    contactWorkdays: config.FEEDBACK_CONTACT_WORKDAYS,
    rectifyWorkdays: config.FEEDBACK_RECTIFY_WORKDAYS,
  }),
];
