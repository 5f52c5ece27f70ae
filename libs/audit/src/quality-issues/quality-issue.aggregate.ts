import type { Aggregate, CommandContext } from '@app/event-store';
import { qualityIssueDecider, type QualityIssueCommand, type QualityIssueEvent, type QualityIssueState } from '../domain';
import { toDomainActor } from './domain-actor';
import { bareIssueId, issueStreamId } from './ids';

/** Quality issues (问题事项) on the one command path: `quality-issue-<uuid>` streams, owned by the matter's department. */
export const qualityIssues: Aggregate<QualityIssueCommand, QualityIssueEvent, QualityIssueState> = {
  name: 'quality issue',
  decider: qualityIssueDecider,
  streamId: issueStreamId,
  departmentOf: (state) => (state.status === 'none' ? undefined : state.issue.departmentId),
};

/** The loop after logging: assign (交办), rectify (整改), verify (复核 / 销号), reopen. */
export type LoopCommand = Exclude<QualityIssueCommand, { type: 'quality-issue.log' }>;

/** A loop command on issue `id` with the context's business time and actor; rules live in the decider. */
export function loopCommand<Type extends LoopCommand['type']>(
  type: Type,
  id: string,
  fields: Omit<Extract<LoopCommand, { type: Type }>['data'], 'issueId' | 'at' | 'actor'>,
  context: CommandContext,
): LoopCommand {
  return { type, data: { ...fields, issueId: bareIssueId(id), at: context.at, actor: toDomainActor(context.actor) } } as LoopCommand;
}
