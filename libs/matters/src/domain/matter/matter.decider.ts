import type { Decider } from '@app/kernel';
import type { MatterCommand } from './matter.commands';
import { decideMatter } from './matter.decide';
import type { MatterEvent } from './matter.events';
import { evolveMatter } from './matter.evolve';
import { MatterState, initialMatterState } from './matter.state';

/** The matter aggregate (事项): draft → published → revised versions → suspended ⇄ resumed → retired. */
export const matterDecider: Decider<MatterCommand, MatterEvent, MatterState> = {
  initialState: initialMatterState,
  evolve: evolveMatter,
  decide: decideMatter,
};
