import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { currentElements, readMatter, type MatterElements, type MatterStatus } from '@app/matters';
import { bareMatterId } from './ids';

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
    const state = await readMatter(this.store, bareMatterId(matterId));
    const elements = currentElements(state);
    return state.status !== 'none' && elements ? { matterId: bareMatterId(matterId), status: state.status, elements } : null;
  }

  async get(matterId: string): Promise<CurrentMatter> {
    const matter = await this.find(matterId);
    if (!matter)
      throw new DomainError('not_found', `no matter ${matterId}`, { details: [{ field: 'matterId', message: 'unknown matter' }] });
    return matter;
  }
}
