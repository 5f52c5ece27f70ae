import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { matterDecider, type MatterElements, type MatterEvent, type MatterStatus } from '@app/matters';
import { bareMatterId, matterStreamId } from './ids';
import { DomainError, foldEvents } from '@app/kernel';

export interface CurrentMatter {
  /** the uuid (the API's id; its stream is `matter-<uuid>`) */
  matterId: string;
  status: Exclude<MatterStatus, 'none'>;
  /** the latest version's elements (the draft's before publication) */
  elements: MatterElements;
}

/** A matter's department, region and current elements, folded from its own stream (not from another context's tables). */
@Injectable()
export class MatterLookup {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async find(matterId: string): Promise<CurrentMatter | null> {
    const streamId = matterStreamId(matterId);
    const events = await this.store.readStream(streamId);
    const state = foldEvents(
      matterDecider,
      events.map((event) => ({ type: event.type, data: event.data }) as MatterEvent),
    );
    if (state.status === 'none') return null;
    const elements = state.status === 'draft' ? state.elements : state.latest?.elements;
    return elements ? { matterId: bareMatterId(matterId), status: state.status, elements } : null;
  }

  async get(matterId: string): Promise<CurrentMatter> {
    const matter = await this.find(matterId);
    if (!matter)
      throw new DomainError('not_found', `matter ${matterId} does not exist`, {
        details: [{ field: 'matterId', message: 'unknown matter' }],
      });
    return matter;
  }
}
