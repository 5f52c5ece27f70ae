import { Inject, Injectable } from '@nestjs/common';
import type { CommandContext, CommandResult } from '@app/event-store';
import { handleCommand } from '@app/event-store';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { qualityIssueDecider } from '../domain/quality-issue.decider';
import type { QualityIssueCommand } from '../domain/quality-issue.commands';
import { issueStreamId } from './ids';

/** Runs one quality-issue command through `handleCommand` on `quality-issue-<id>`; answers `{id, version, position}`. */
@Injectable()
export class QualityIssueCommands {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(issueId: string, command: QualityIssueCommand, context: CommandContext): Promise<CommandResult> {
    const { version, position } = await handleCommand(this.store, qualityIssueDecider, issueStreamId(issueId), command, context);
    return { id: issueId, version, position };
  }
}
