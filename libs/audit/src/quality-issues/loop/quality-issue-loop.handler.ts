import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult } from '@app/event-store';
import { WorkingDayCalendar } from '@app/kernel';
import { defaultDeadline } from '../default-deadline';
import { toDomainActor } from '../domain-actor';
import { bareIssueId } from '../ids';
import { QualityIssueCommands } from '../quality-issue-commands';

/** The closed loop after logging: assign (交办), rectify (整改), verify (复核 / 销号), reopen. Rules live in the decider. */
@Injectable()
export class QualityIssueLoopHandler {
  constructor(
    private readonly commands: QualityIssueCommands,
    @Inject(WorkingDayCalendar) private readonly calendar: WorkingDayCalendar,
  ) {}

  assign(id: string, context: CommandContext): Promise<CommandResult> {
    const issueId = bareIssueId(id);
    return this.commands.execute(issueId, { type: 'AssignQualityIssue', ...this.base(context), data: { issueId } }, context);
  }

  rectify(id: string, note: string, context: CommandContext): Promise<CommandResult> {
    const issueId = bareIssueId(id);
    return this.commands.execute(issueId, { type: 'SubmitRectification', ...this.base(context), data: { issueId, note } }, context);
  }

  verify(id: string, passed: boolean, comment: string | undefined, context: CommandContext): Promise<CommandResult> {
    const issueId = bareIssueId(id);
    const data = { issueId, passed, comment: comment ?? null };
    return this.commands.execute(issueId, { type: 'VerifyRectification', ...this.base(context), data }, context);
  }

  reopen(id: string, reason: string, deadline: string | undefined, context: CommandContext): Promise<CommandResult> {
    const issueId = bareIssueId(id);
    const data = { issueId, reason, deadline: deadline ?? defaultDeadline(this.calendar, context.at) };
    return this.commands.execute(issueId, { type: 'ReopenQualityIssue', ...this.base(context), data }, context);
  }

  private base(context: CommandContext) {
    return { at: context.at, actor: toDomainActor(context.actor) };
  }
}
