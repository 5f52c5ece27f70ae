import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@app/event-store/commands/command-context';
import { handleCommand } from '@app/event-store/commands/handle-command';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import { BUSINESS_TIME_ZONE } from '../business-time-zone';
import { matterDeciderFor } from '../matter-department-scope';
import { matterStreamId } from '../matter-stream';
import { ChangeMatterCommand } from './change-matter.command';
import { toMatterCommand } from './matter-change';

/** Publish, revise, suspend, resume, retire: read the matter's stream, decide, append. */
@CommandHandler(ChangeMatterCommand)
export class ChangeMatterHandler implements ICommandHandler<ChangeMatterCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(BUSINESS_TIME_ZONE) private readonly timeZone: string,
  ) {}

  async execute({ matterId, change, context }: ChangeMatterCommand): Promise<CommandResult> {
    const command = toMatterCommand(change, context.at, this.timeZone);
    const result = await handleCommand(this.store, matterDeciderFor(context.actor), matterStreamId(matterId), command, context);
    return { id: matterId, version: result.version, position: result.position };
  }
}
