import type { Aggregate, EventStore } from '@app/event-store';
import { foldEvents } from '@app/kernel';
import { matterDecider, type MatterCommand, type MatterElements, type MatterEvent, type MatterState } from '../domain';
import { matterStreamId } from './matter-stream';

/** The current elements of a matter: the draft's before publication, else the latest version's. */
export function currentElements(state: MatterState): MatterElements | undefined {
  if (state.status === 'none') return undefined;
  return state.status === 'draft' ? state.elements : state.latest?.elements;
}

/** Service matters (事项) on the one command path: `matter-<uuid>` streams, owned by their department. */
export const matters: Aggregate<MatterCommand, MatterEvent, MatterState> = {
  name: 'matter',
  decider: matterDecider,
  streamId: matterStreamId,
  departmentOf: (state) => currentElements(state)?.departmentId,
};

/** A matter's state folded from its own stream, the source of truth (for lookups that a command needs). */
export async function readMatter(store: EventStore, matterId: string): Promise<MatterState> {
  const history = await store.readStream(matterStreamId(matterId));
  return foldEvents(
    matterDecider,
    history.map((event) => ({ type: event.type, data: event.data }) as MatterEvent),
  );
}
