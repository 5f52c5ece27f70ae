import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@app/event-store';
import type { MatterElements } from '../../domain/matter-elements';

export class RegisterMatterCommand extends Command<CommandResult> {
  constructor(
    readonly code: string,
    readonly elements: MatterElements,
    readonly context: CommandContext,
  ) {
    super();
  }
}
