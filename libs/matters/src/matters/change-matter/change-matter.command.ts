import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@app/event-store';
import type { MatterChange } from './matter-change';

export class ChangeMatterCommand extends Command<CommandResult> {
  constructor(
    readonly matterId: string,
    readonly change: MatterChange,
    readonly context: CommandContext,
  ) {
    super();
  }
}
