import { uuidV5 } from '@app/kernel';

/**
 * Ids of what the sweep and the policies create, derived from what they are about (RFC 4122
 * version 5: SHA-1 of a namespace and a name), so running the sweep twice, or replaying a policy,
 * addresses the same stream and creates nothing new: one red card per application, one
 * follow-up case per evaluation (an application is evaluated once, so: per application).
 */
const RED_CARD_NAMESPACE = '065f72e6-712e-4ebc-8b31-0f9ba88fee9c';
const FEEDBACK_CASE_NAMESPACE = 'e259bad9-932a-4240-90f1-8c6c3eb4a357';
const DAILY_NOTICE_NAMESPACE = '0c4f3b52-7d0e-4a8c-9b1f-2e6d8a4c7f31';

export const redCardIdOf = (applicationId: string): string => uuidV5(RED_CARD_NAMESPACE, applicationId);
export const feedbackCaseIdOf = (applicationId: string): string => uuidV5(FEEDBACK_CASE_NAMESPACE, applicationId);
/** One daily notice (一日一告知) per business date and department. */
export const dailyNoticeIdOf = (date: string, departmentId: string): string => uuidV5(DAILY_NOTICE_NAMESPACE, `${date}/${departmentId}`);
