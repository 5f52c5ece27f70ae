import type { Decider } from '@app/kernel';
import type { FeedbackCaseCommand } from './feedback-case.commands';
import { decideFeedbackCase } from './feedback-case.decide';
import type { FeedbackCaseEvent } from './feedback-case.events';
import { evolveFeedbackCase } from './feedback-case.evolve';
import { FeedbackCaseState, initialFeedbackCaseState } from './feedback-case.state';

/**
 * The follow-up case of a bad review (差评整改): opened from an evaluation with score ≤ 2 → the
 * applicant contacted (回访) → rectified and replied (整改) → closed by the applicant's re-rating
 * (再评价, once). The re-evaluation lives here, not on the application: its precondition (the case
 * is rectified) and its effect (the case is closed) are this stream's, so one append decides both.
 */
export const feedbackCaseDecider: Decider<FeedbackCaseCommand, FeedbackCaseEvent, FeedbackCaseState> = {
  initialState: initialFeedbackCaseState,
  evolve: evolveFeedbackCase,
  decide: decideFeedbackCase,
};
