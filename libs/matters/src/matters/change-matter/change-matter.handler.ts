import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@app/event-store';
import { handleCommand } from '@app/event-store';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { matterDeciderFor } from '../matter-department-scope';
import { matterStreamId } from '../matter-stream';
import { ChangeMatterCommand } from './change-matter.command';
import { toMatterCommand } from './matter-change';

/** Publish, revise, suspend, resume, retire: read the matter's stream, decide, append. */
@CommandHandler(ChangeMatterCommand)
export class ChangeMatterHandler implements ICommandHandler<ChangeMatterCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ matterId, change, context }: ChangeMatterCommand): Promise<CommandResult> {
    const command = toMatterCommand(change, context.at, businessCalendar().timeZone);
    const result = await handleCommand(this.store, matterDeciderFor(context.actor), matterStreamId(matterId), command, context);
    return { id: matterId, version: result.version, position: result.position };
  }
}
