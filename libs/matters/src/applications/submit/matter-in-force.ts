import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { matterDecider, MatterEvent, MatterSnapshot, MatterState, toMatterSnapshot, versionInForce } from '../../domain';
import { matterStreamId } from '../../matters/matter-stream';
import { businessCalendar } from '@app/kernel';
import { DomainError } from '@app/kernel';

export interface MatterForSubmission {
  departmentId: string;
  /** the version in force at the submission's business date; null when not published and in force then */
  snapshot: MatterSnapshot | null;
}

/** Reads a matter's stream (the source of truth) for a submission: its department and version in force. */
@Injectable()
export class MatterInForce {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async at(matterId: string, at: string): Promise<MatterForSubmission> {
    const history = await this.store.readStream(matterStreamId(matterId));
    const state = history.reduce<MatterState>(
      (current, event) => matterDecider.evolve(current, { type: event.type, data: event.data } as MatterEvent),
      matterDecider.initialState(),
    );
    if (state.status === 'none')
      throw new DomainError('not_found', `matter ${matterId} not found`, { details: [{ field: 'matterId', message: 'unknown matter' }] });
    const version = versionInForce(state.history, businessCalendar().businessDate(at));
    const elements = state.status === 'draft' ? state.elements : (state.latest?.elements ?? null);
    const departmentId = version?.elements.departmentId ?? elements?.departmentId ?? '';
    return { departmentId, snapshot: version ? toMatterSnapshot(state.code, version) : null };
  }
}
