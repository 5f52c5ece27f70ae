import { Injectable } from '@nestjs/common';
import { CommandExecutor, newAggregateId, type CommandContext, type CommandResult } from '@app/event-store';
import type { MatterElements } from '../../domain';
import { MatterCodeRegistry } from '../matter-codes/matter-code-registry';
import { matters } from '../matter.aggregate';

/**
 * Registers a matter. The code is reserved in `matter_codes` before the command (the primary key
 * settles concurrent registrations) and released when it fails. Under an Idempotency-Key the new
 * id is derived from the key, so a retry finds its own reservation and its own stream and answers
 * the first result again.
 */
@Injectable()
export class MatterRegistration {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly codes: MatterCodeRegistry,
  ) {}

  async register(code: string, elements: MatterElements, context: CommandContext): Promise<CommandResult> {
    const { userId } = context.actor;
    const key = context.idempotencyKey;
    const matterId = newAggregateId(key ? { userId, idempotencyKey: key, command: context.command } : undefined);
    const reservation = await this.codes.reserve(code, matterId);
    try {
      const data = { matterId, code, elements, codeTaken: reservation === 'taken', at: context.at };
      const { events, result } = await this.commands.handle(matters, matterId, { type: 'matter.register', data }, context);
      // a retry answered by an earlier registration (under another code) keeps that code only
      if (events.length === 0 && reservation === 'reserved') await this.codes.drop(code, matterId);
      return result;
    } catch (error) {
      if (reservation === 'reserved') await this.codes.release(code, matterId).catch(() => undefined);
      throw error;
    }
  }
}
