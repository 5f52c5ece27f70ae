import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '@app/event-store';
import type { ApplicantInClear, ApplicationChannel } from '../../domain';

/** POST /api/v1/applications: the applicant arrives in clear and is sealed by the handler. */
export class SubmitApplication extends Command<CommandResult> {
  constructor(
    readonly body: { matterId: string; channel: ApplicationChannel; applicant: ApplicantInClear },
    readonly context: CommandContext,
  ) {
    super();
  }
}
