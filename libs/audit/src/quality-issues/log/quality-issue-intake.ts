import { Injectable } from '@nestjs/common';
import { CommandExecutor, newAggregateId, type CommandContext, type CommandResult } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { defaultDeadline } from '../default-deadline';
import { toDomainActor } from '../domain-actor';
import { MatterLookup } from '../matter-lookup';
import { qualityIssues } from '../quality-issue.aggregate';

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

/**
 * Logs a quality issue against a matter: looks up its department and region (an issue belongs to
 * the matter's), defaults the deadline, and hands `quality-issue.log` to the command path.
 */
@Injectable()
export class QualityIssueIntake {
  constructor(
    private readonly matters: MatterLookup,
    private readonly commands: CommandExecutor,
  ) {}

  async log(input: LogIssueInput, context: CommandContext): Promise<CommandResult> {
    const matter = await this.matters.get(input.matterId);
    const key = context.idempotencyKey;
    const issueId =
      input.issueId ?? newAggregateId(key ? { userId: context.actor.userId, idempotencyKey: key, command: context.command } : undefined);
    const data = {
      issueId,
      matterId: matter.matterId,
      departmentId: matter.elements.departmentId,
      regionCode: matter.elements.regionCode,
      category: input.category,
      description: input.description,
      deadline: input.deadline ?? defaultDeadline(businessCalendar(), context.at),
      rule: input.rule ?? null,
      at: context.at,
      actor: toDomainActor(context.actor),
    };
    return this.commands.execute(qualityIssues, issueId, { type: 'quality-issue.log', data }, context);
  }
}
