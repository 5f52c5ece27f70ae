import type { EventStore, RecordedEvent } from '@app/event-store';
import type { MatterElements } from '../../domain/matter-elements';
import { matterStreamId } from '../matter-stream';
import type { MatterHistoryEntryDto } from './matter-history-entry.dto';

/** The department a matter's stream leaves it in: that of the last event carrying elements. */
export function departmentOfMatterEvents(events: readonly RecordedEvent[]): string | undefined {
  const withElements = events.findLast((event) => (event.data as { elements?: MatterElements }).elements !== undefined);
  return (withElements?.data as { elements: MatterElements } | undefined)?.elements.departmentId;
}

/** The matter's events, oldest first, read from the event store (that is what the history is); empty for an unknown matter. */
export async function matterHistory(
  store: EventStore,
  matterId: string,
): Promise<{ departmentId?: string; entries: MatterHistoryEntryDto[] }> {
  const events = await store.readStream(matterStreamId(matterId));
  return {
    departmentId: departmentOfMatterEvents(events),
    entries: events.map((event) => ({
      type: event.type,
      version: event.version,
      position: event.position,
      at: event.metadata.at,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      data: event.data as Record<string, unknown>,
    })),
  };
}
