import type { Aggregate, EventStore, RecordedEvent } from '@app/event-store';
import { foldEvents } from '@app/kernel';
import { bundleDecider, type BundleCommand, type BundleEvent, type BundleState, type MemberLookup } from '../domain';
import { currentElements, readMatter } from '../matters/matter.aggregate';
import { bundleStreamId } from './bundle-stream';

/** 一件事 bundles on the one command path: `bundle-<uuid>` streams of the whole catalogue (no department owns one). */
export const bundles: Aggregate<BundleCommand, BundleEvent, BundleState> = {
  name: 'bundle',
  decider: bundleDecider,
  streamId: bundleStreamId,
  departmentOf: () => undefined,
};

/** A bundle's state folded from its stream, with the stream's version. */
export async function readBundle(store: EventStore, bundleId: string): Promise<{ state: BundleState; version: number }> {
  const history: RecordedEvent[] = await store.readStream(bundleStreamId(bundleId));
  const state = foldEvents(
    bundleDecider,
    history.map((event) => ({ type: event.type, data: event.data }) as BundleEvent),
  );
  return { state, version: history.length };
}

/** The matters named as members, as the bundle decider needs them (status and current elements from each matter's own stream). */
export async function lookUpMembers(store: EventStore, matterIds: readonly string[]): Promise<MemberLookup[]> {
  return Promise.all(
    matterIds.map(async (matterId) => {
      const state = await readMatter(store, matterId);
      const elements = currentElements(state);
      if (state.status === 'none') return { matterId, matter: null };
      return { matterId, matter: { departmentId: elements?.departmentId ?? '', name: elements?.name ?? '', status: state.status } };
    }),
  );
}
