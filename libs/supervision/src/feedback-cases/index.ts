/** Follow-up cases of 差评: the Nest module, and what apps/api registers (projection, migration, policy, own-writes target). */
export { FeedbackCasesModule } from './feedback-cases.module';
export { feedbackCases } from './feedback-case.aggregate';
export { feedbackCaseStreamId } from './feedback-case-stream';
export { feedbackCasesProjection, FeedbackCasesProjection, FEEDBACK_CASES_PROJECTION } from './read-model/feedback-cases.projection';
export { BadReviewPolicy, BAD_REVIEW_POLICY_ACTOR } from './policy/bad-review-policy';
