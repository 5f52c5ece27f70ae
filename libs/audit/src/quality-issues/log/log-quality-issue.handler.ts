import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult } from '@app/event-store';
import { newAggregateId } from '@app/event-store';
import { WorkingDayCalendar } from '@app/kernel';
import { defaultDeadline } from '../default-deadline';
import { toDomainActor } from '../domain-actor';
import { MatterLookup } from '../matter-lookup';
import { QualityIssueCommands } from '../quality-issue-commands';

export interface LogIssueInput {
  matterId: string;
  category: string;
  description: string;
  deadline?: string;
  /** the automated rule that found it; absent for a manual finding */
  rule?: string;
  /** the new issue's id; default derived from the Idempotency-Key, or random */
  issueId?: string;
}

/** Logs a quality issue against a matter: looks up its department and region, defaults the deadline. */
@Injectable()
export class LogQualityIssueHandler {
  constructor(
    private readonly matters: MatterLookup,
    private readonly commands: QualityIssueCommands,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {}

  async handle(input: LogIssueInput, context: CommandContext): Promise<CommandResult> {
    const matter = await this.matters.get(input.matterId);
    const key = context.idempotencyKey;
    const issueId =
      input.issueId ?? newAggregateId(key ? { userId: context.actor.userId, idempotencyKey: key, command: context.command } : undefined);
    return this.commands.execute(
      issueId,
      {
        type: 'LogQualityIssue',
        at: context.at,
        actor: toDomainActor(context.actor),
        data: {
          issueId,
          matterId: matter.matterId,
          departmentId: matter.elements.departmentId,
          regionCode: matter.elements.regionCode,
          category: input.category,
          description: input.description,
          deadline: input.deadline ?? defaultDeadline(this.calendar, context.at),
          rule: input.rule ?? null,
        },
      },
      context,
    );
  }
}
