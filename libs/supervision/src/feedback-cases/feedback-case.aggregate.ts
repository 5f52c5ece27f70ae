import type { Aggregate } from '@app/event-store';
import { departmentScope, DomainError, type ScopedActor } from '@app/kernel';
import { feedbackCaseDecider, type FeedbackCaseCommand, type FeedbackCaseEvent, type FeedbackCaseState } from '../domain';
import { feedbackCaseStreamId } from './feedback-case-stream';

/** A person handling cases needs a department in the token (admin and the policy's system actor excepted): 403 otherwise. */
function assertMayHandle(actor: ScopedActor): void {
  if (departmentScope(actor) === null && !actor.roles.includes('admin'))
    throw new DomainError('forbidden', 'a departmentId claim is needed to handle feedback cases');
}

/**
 * Follow-up cases of a 差评 (差评整改) on the one command path: `feedback-case-<uuid>` streams, the
 * uuid derived from the application (`feedbackCaseIdOf`), owned by the application's department
 * (the kernel's scope rule: another department's case is 404, as an unknown one).
 */
export const feedbackCases: Aggregate<FeedbackCaseCommand, FeedbackCaseEvent, FeedbackCaseState> = {
  name: 'feedback case',
  decider: feedbackCaseDecider,
  streamId: feedbackCaseStreamId,
  departmentOf: (state) => (state.status === 'none' ? undefined : state.departmentId),
  authorize: assertMayHandle,
};
