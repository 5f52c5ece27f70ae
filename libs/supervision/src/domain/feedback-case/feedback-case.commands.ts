/**
 * Commands of the follow-up case of a bad review (差评整改). Every command carries `at`, the
 * business time (ISO 8601 with offset); who gave it is recorded by the command path.
 */

/** The time limits of a case, in working days counted from the evaluation's business date. */
export interface FeedbackCaseLimits {
  /** 回访: contact the applicant within this many working days */
  contactWorkdays: number;
  /** 整改: rectify and reply within this many working days */
  rectifyWorkdays: number;
}

/**
 * Opened by the policy that follows `application.evaluated` with a score ≤ 2, dated at the
 * evaluation's `at` (its business date is the case's `openedOn`), with the configured limits.
 */
export interface OpenFeedbackCase {
  type: 'feedback-case.open';
  data: {
    /** `feedbackCaseIdOf(applicationId)`: one case per evaluation */
    caseId: string;
    applicationId: string;
    departmentId: string;
    regionCode: string;
    score: number;
    limits: FeedbackCaseLimits;
    at: string;
  };
}
/** 回访: the department contacted the applicant. */
export interface ContactApplicant {
  type: 'feedback-case.contact';
  data: { note: string; at: string };
}
/** 整改并答复: the department rectified and replied. */
export interface RectifyFeedback {
  type: 'feedback-case.rectify';
  data: { note: string; at: string };
}
/**
 * 再评价: the applicant rates again, once, only after rectification; closes the case. The route
 * `POST /applications/{id}/re-evaluation` addresses the case `feedbackCaseIdOf(id)`.
 */
export interface ReRateService {
  type: 'feedback-case.re_rate';
  data: { score: number; comment?: string; at: string };
}

export type FeedbackCaseCommand = OpenFeedbackCase | ContactApplicant | RectifyFeedback | ReRateService;
