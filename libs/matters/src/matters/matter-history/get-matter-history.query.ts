import { Inject, NotFoundException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import type { Actor } from '@app/http';
import type { MatterElements } from '../../domain/matter-elements';
import { matterStreamId } from '../matter-stream';
import { readScope } from '../read-scope';
import type { MatterHistoryEntryDto } from './matter-history-entry.dto';

export class GetMatterHistoryQuery extends Query<MatterHistoryEntryDto[]> {
  constructor(
    readonly matterId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

/** The department a matter's stream leaves it in: that of the last event carrying elements. */
function departmentOf(events: readonly RecordedEvent[]): string | undefined {
  const withElements = events.findLast((event) => (event.data as { elements?: MatterElements }).elements !== undefined);
  return (withElements?.data as { elements: MatterElements } | undefined)?.elements.departmentId;
}

/** The matter's events, oldest first, read from the event store (that is what the history is). */
@QueryHandler(GetMatterHistoryQuery)
export class GetMatterHistoryHandler implements IQueryHandler<GetMatterHistoryQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ matterId, actor }: GetMatterHistoryQuery): Promise<MatterHistoryEntryDto[]> {
    const events = await this.store.readStream(matterStreamId(matterId));
    const scope = readScope(actor);
    if (events.length === 0 || (scope !== undefined && departmentOf(events) !== scope))
      throw new NotFoundException(`no matter ${matterId}`);
    return events.map((event) => ({
      type: event.type,
      version: event.version,
      position: event.position,
      at: event.metadata.at,
      recordedAt: event.recordedAt,
      actor: event.metadata.actor,
      data: event.data as Record<string, unknown>,
    }));
  }
}
