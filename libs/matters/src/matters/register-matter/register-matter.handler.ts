import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { CommandResult } from '@app/event-store';
import { newAggregateId } from '@app/event-store';
import { handleCommand } from '@app/event-store';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { MatterCodeRegistry } from '../matter-codes/matter-code-registry';
import { matterDeciderFor } from '../matter-department-scope';
import { matterStreamId } from '../matter-stream';
import { RegisterMatterCommand } from './register-matter.command';

/**
 * Registers a matter. The code is reserved in `matter_codes` before the append (the primary key
 * settles concurrent registrations) and released when the command fails. Under an
 * Idempotency-Key the new id is derived from the key, so a retry finds its own reservation and
 * its own stream and answers the first result again.
 */
@CommandHandler(RegisterMatterCommand)
export class RegisterMatterHandler implements ICommandHandler<RegisterMatterCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly codes: MatterCodeRegistry,
  ) {}

  async execute({ code, elements, context }: RegisterMatterCommand): Promise<CommandResult> {
    const { userId } = context.actor;
    const key = context.idempotencyKey;
    const matterId = newAggregateId(key ? { userId, idempotencyKey: key, command: context.command } : undefined);
    const reservation = await this.codes.reserve(code, matterId);
    try {
      const command = {
        type: 'matter.register' as const,
        data: { matterId, code, elements, codeTaken: reservation === 'taken', at: context.at },
      };
      const result = await handleCommand(this.store, matterDeciderFor(context.actor), matterStreamId(matterId), command, context);
      // a retry answered by an earlier registration (under another code) keeps that code only
      if (result.events.length === 0 && reservation === 'reserved') await this.codes.drop(code, matterId);
      return { id: matterId, version: result.version, position: result.position };
    } catch (error) {
      if (reservation === 'reserved') await this.codes.release(code, matterId).catch(() => undefined);
      throw error;
    }
  }
}
