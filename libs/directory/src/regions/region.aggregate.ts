import type { Aggregate, EventStore } from '@app/event-store';
import { foldEvents } from '@app/kernel';
import { regionDecider, type RegionCommand, type RegionEvent, type RegionState } from '../domain';
import { regionStreamId } from '../shared/directory-streams';

/** Regions on the one command path: `region-<code>` streams, belonging to no department (admin only, by the routes). */
export const regions: Aggregate<RegionCommand, RegionEvent, RegionState> = {
  name: 'region',
  decider: regionDecider,
  streamId: regionStreamId,
  departmentOf: () => undefined,
};

/** The lookup a department command carries: is `code` a named region? Read from its stream, so a region named a moment ago counts. */
export async function isNamedRegion(store: EventStore, code: string): Promise<boolean> {
  const events = (await store.readStream(regionStreamId(code))) as unknown as RegionEvent[];
  return foldEvents(regionDecider, events).status === 'named';
}
