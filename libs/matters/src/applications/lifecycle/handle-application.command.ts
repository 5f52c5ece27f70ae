import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@app/event-store/commands/command-context';
import { handleCommand } from '@app/event-store/commands/handle-command';
import { EVENT_STORE, type EventStore } from '@app/event-store/event-store.port';
import type { ApplicationCommand, SubmitApplication } from '../../domain';
import { applicationStreamId } from '../application-stream';
import { assertMayHandle, scopedApplicationDecider } from '../application-scope';

/** Any command on an existing application (accept, reject, … evaluate). */
export class HandleApplication extends Command<CommandResult> {
  constructor(
    readonly applicationId: string,
    readonly command: Exclude<ApplicationCommand, SubmitApplication>,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Read, fold, decide (in the caller's department only), append: `handleCommand`. */
@CommandHandler(HandleApplication)
export class HandleApplicationHandler implements ICommandHandler<HandleApplication> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ applicationId, command, context }: HandleApplication): Promise<CommandResult> {
    assertMayHandle(context.actor);
    const decider = scopedApplicationDecider(context.actor);
    const result = await handleCommand(this.store, decider, applicationStreamId(applicationId), command, context);
    return { id: applicationId, version: result.version, position: result.position };
  }
}
