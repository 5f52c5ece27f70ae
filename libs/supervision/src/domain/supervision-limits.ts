import { DEFERRED_MATERIALS_LIMITS } from '@app/matters';

/**
 * The time limits of active supervision, in working days (domain.md: "Time limits are data").
 * These are the defaults; configuration (e.g. `SUPERVISION_YELLOW_WORKDAYS`) overrides them and
 * the callers pass the values into the pure functions and the commands.
 */
export interface SupervisionLimits {
  /** 黄牌预警 when 0 ≤ workdaysLeft ≤ this */
  yellowWorkdays: number;
  /** 差评整改: contact the applicant (回访) within this many working days of the evaluation */
  contactWorkdays: number;
  /** 差评整改: rectify and reply within this many working days of the evaluation */
  rectifyWorkdays: number;
  /** 容缺受理: return (退件) this many working days after the due date when still missing */
  returnAfterWorkdays: number;
}

export const DEFAULT_SUPERVISION_LIMITS: SupervisionLimits = {
  yellowWorkdays: 1,
  contactWorkdays: 1,
  rectifyWorkdays: 15,
  returnAfterWorkdays: DEFERRED_MATERIALS_LIMITS.returnAfterWorkdays,
};

/** 差评: an evaluation score of at most 2 (2 不满意, 1 非常不满意). */
export const BAD_REVIEW_MAX_SCORE = 2;
export const isBadReview = (score: number): boolean => score <= BAD_REVIEW_MAX_SCORE;
