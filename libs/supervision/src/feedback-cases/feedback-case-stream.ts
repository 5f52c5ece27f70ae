/** A follow-up case's stream id (`feedback-case-<uuid>`); the API's `{id}` is the uuid alone (`feedbackCaseIdOf(applicationId)`). */
export const feedbackCaseStreamId = (caseId: string): string => `feedback-case-${caseId}`;

/** The API id of a feedback-case stream. */
export const feedbackCaseIdOfStream = (streamId: string): string => streamId.replace(/^feedback-case-/, '');
