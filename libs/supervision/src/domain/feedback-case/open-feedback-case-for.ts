import type { ApplicationState } from '@app/matters';
import { feedbackCaseIdOf } from '../supervision-ids';
import { isBadReview } from '../supervision-limits';
import type { FeedbackCaseLimits, OpenFeedbackCase } from './feedback-case.commands';

/**
 * The policy's decision after `application.evaluated`: the command that opens the follow-up case
 * of a 差评 (score ≤ 2), dated at the evaluation, with the configured limits — or null when the
 * application has no bad evaluation. Replaying it gives the same case id, which the decider
 * refuses to open twice.
 */
export function openFeedbackCaseFor(state: ApplicationState, limits: FeedbackCaseLimits): OpenFeedbackCase | null {
  if (state.status !== 'completed' && state.status !== 'delivered') return null;
  const evaluation = state.evaluation;
  if (!evaluation || !isBadReview(evaluation.score)) return null;
  const { applicationId, matter } = state;
  return {
    type: 'feedback-case.open',
    data: {
      caseId: feedbackCaseIdOf(applicationId),
      applicationId,
      departmentId: matter.departmentId,
      regionCode: matter.regionCode,
      score: evaluation.score,
      limits: { contactWorkdays: limits.contactWorkdays, rectifyWorkdays: limits.rectifyWorkdays },
      at: evaluation.at,
    },
  };
}
