import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@app/event-store';
import { handleCommand } from '@app/event-store';
import type { StreamCache } from '@app/event-store';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import type { ApplicationCommand, SubmitApplication } from '../../domain';
import { applicationStreamId } from '../application-stream';
import { assertMayHandle, scopedApplicationDecider } from '../application-scope';
import { APPLICATION_STREAM_CACHE } from './application-stream-cache';

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

/** Read (or recall: the stream cache), fold, decide (in the caller's department only), append: `handleCommand`. */
@CommandHandler(HandleApplication)
export class HandleApplicationHandler implements ICommandHandler<HandleApplication> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APPLICATION_STREAM_CACHE) private readonly cache: StreamCache,
  ) {}

  async execute({ applicationId, command, context }: HandleApplication): Promise<CommandResult> {
    assertMayHandle(context.actor);
    const decider = scopedApplicationDecider(context.actor);
    const result = await handleCommand(this.store, decider, applicationStreamId(applicationId), command, context, { cache: this.cache });
    return { id: applicationId, version: result.version, position: result.position };
  }
}
