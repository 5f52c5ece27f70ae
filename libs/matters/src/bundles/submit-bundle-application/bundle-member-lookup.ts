import type { EventStore, StreamGuard } from '@app/event-store';
import { businessCalendar, foldEvents } from '@app/kernel';
import { matterDecider, toMatterSnapshot, versionInForce, type MatterEvent, type MatterSnapshot } from '../../domain';
import { matterStreamId } from '../../matters/matter-stream';

/** A member matter as a submission decides on it: the version in force at `at` (null: not in force) and the stream version read. */
export interface MemberMatter {
  matterId: string;
  departmentId: string;
  snapshot: MatterSnapshot | null;
  guard: StreamGuard;
}

/**
 * Reads a member matter's own stream: the version in force on the business date of `at` (as an
 * ordinary submission does) and the stream's version, which the atomic append then guards: a
 * matter suspended, revised or retired after this read refuses the whole bundle.
 */
export async function readMemberMatter(store: EventStore, member: { matterId: string; departmentId: string }, at: string) {
  const streamId = matterStreamId(member.matterId);
  const history = await store.readStream(streamId);
  const state = foldEvents(
    matterDecider,
    history.map((event) => ({ type: event.type, data: event.data }) as MatterEvent),
  );
  const version = state.status === 'none' ? null : versionInForce(state.history, businessCalendar().businessDate(at));
  const snapshot = state.status !== 'none' && version ? toMatterSnapshot(state.code, version) : null;
  const departmentId = version?.elements.departmentId ?? member.departmentId;
  return { matterId: member.matterId, departmentId, snapshot, guard: { streamId, version: history.length } } satisfies MemberMatter;
}
