/** What the generated catalogue must give as of the scenario date (counts over the matters in force). */
export interface MatterTargets {
  /** matters in force on the scenario date */
  total: number;
  mobileOk: number;
  zeroVisit: number;
  instant: number;
  /** 承诺时限压缩比, percent with two decimals */
  compression: number | null;
  /** 材料电子化比率, percent with two decimals */
  electronic: number | null;
  crossCity: number;
  /** matters with a second version effective during the year (older version less advanced) */
  revised: number;
  /** matters suspended for a few weeks in spring, in force again by the scenario date */
  suspendedAndResumed: number;
  /** extra matters retired during the year (not in force on the scenario date) */
  retired: number;
  /** extra matters registered but never published */
  drafts: number;
}

/** The seed's catalogue (domain.md): 6334 matters, 6294 mobile, 6324 zero-visit, 5866 instant, 98.08%, 99.81%, 47 with Hangzhou. */
export const SHAOXING_2019_MATTERS: MatterTargets = {
  total: 6334,
  mobileOk: 6294,
  zeroVisit: 6324,
  instant: 5866,
  compression: 98.08,
  electronic: 99.81,
  crossCity: 47,
  revised: 320,
  suspendedAndResumed: 6,
  retired: 14,
  drafts: 5,
};
