import type { CommandContext, CommandExecutor, EventStore, Reaction, RecordedEvent } from '@app/event-store';
import { isDomainError } from '@app/kernel';
import { applicationDecider, applicationStreamId, type ApplicationEvent, type ServiceEvaluated } from '@app/matters';
import { isBadReview, openFeedbackCaseFor, type FeedbackCaseLimits } from '../../domain';
import { feedbackCases } from '../feedback-case.aggregate';

/** Who the policy's commands are recorded as (metadata `actor`, the audit trail). */
export const BAD_REVIEW_POLICY_ACTOR = { userId: 'system:bad-review-policy', roles: ['admin'] } as const;

/**
 * 差评 → follow-up case (domain.md "差评整改"): after each `application.evaluated` with a score ≤ 2,
 * `feedback-case.open` through the command path on the case `feedbackCaseIdOf(applicationId)`,
 * for the application's department, dated at the evaluation, with the configured limits. The
 * application's state (its department and region) is folded from its stream, never from a read
 * model that may lag. `already_exists` means an earlier run opened it: done.
 */
export class BadReviewPolicy implements Reaction {
  readonly name = 'bad-review-policy';
  readonly version = 1;
  readonly handles = ['application.evaluated'] as const;

  constructor(
    private readonly store: EventStore,
    private readonly commands: CommandExecutor,
    private readonly limits: FeedbackCaseLimits,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    const evaluated = event as RecordedEvent<ServiceEvaluated['type'], ServiceEvaluated['data']>;
    if (!isBadReview(evaluated.data.score)) return;
    const { applicationId } = evaluated.data;
    const history = await this.store.readStream(applicationStreamId(applicationId), { limit: evaluated.version });
    const state = history.reduce(
      (folded, recorded) => applicationDecider.evolve(folded, recorded as unknown as ApplicationEvent),
      applicationDecider.initialState(),
    );
    const command = openFeedbackCaseFor(state, this.limits);
    if (!command) return;
    const context: CommandContext = {
      actor: BAD_REVIEW_POLICY_ACTOR,
      at: command.data.at,
      correlationId: evaluated.metadata.correlationId,
      command: 'feedback-case.open',
      // the same event opens the same case with the same event id: a retry after a crash appends nothing
      idempotencyKey: `bad-review-policy:${evaluated.id}`,
    };
    try {
      await this.commands.execute(feedbackCases, command.data.caseId, command, context);
    } catch (error) {
      if (isDomainError(error) && error.code === 'already_exists') return;
      throw error;
    }
  }
}
