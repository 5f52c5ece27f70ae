/** The API's responses the console reads (see the OpenAPI document at /docs). */

export const ROLES = ['catalog_admin', 'window_staff', 'inspector', 'department_officer', 'assessor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const INDICATORS = [
  { key: 'onlineAvailability', name: '网上可办率' },
  { key: 'mobileAvailability', name: '掌上可办率' },
  { key: 'zeroVisitRate', name: '跑零次率' },
  { key: 'instantRate', name: '即办率' },
  { key: 'timeLimitCompression', name: '承诺时限压缩比' },
  { key: 'electronicMaterialRate', name: '材料电子化比率' },
  { key: 'onlineAcceptanceRate', name: '网上受理率' },
  { key: 'mobileAcceptanceRate', name: '掌上受理率' },
] as const;
export type IndicatorKey = (typeof INDICATORS)[number]['key'];

export type GroupBy = 'department' | 'region';

export interface Period {
  from: string;
  to: string;
}

/** One ranked group; `regionName` / `departmentName` once the directory gives them. */
export interface RankingRow {
  rank: number;
  departmentId?: string;
  departmentName?: string;
  regionCode?: string;
  regionName?: string;
  numerator: number;
  denominator: number;
  rate: number | null;
  redCards?: number;
}

export interface Ranking {
  indicator: { key: IndicatorKey; name: string; nameEn: string };
  by: GroupBy;
  asOf: string;
  period: Period;
  rows: RankingRow[];
}

export interface IndicatorResult {
  key: IndicatorKey;
  name: string;
  nameEn: string;
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface RatedCount {
  numerator: number;
  denominator: number;
  rate: number | null;
}

export interface AssessmentReport {
  scope: {
    level: 'city' | 'region' | 'department';
    regionCode: string | null;
    regionName?: string;
    departmentId: string | null;
    departmentName?: string;
  };
  asOf: string;
  period: Period;
  indicators: IndicatorResult[];
  operational: {
    onTimeCompletionRate: RatedCount;
    satisfactionRate: RatedCount;
    openApplications: number;
    overdueOpenApplications: number;
    badReviews: number;
    redCards: number;
  };
  notes: string[];
}

export interface DevToken {
  token: string;
  expiresIn: string;
  sub: string;
  roles: Role[];
  departmentId?: string;
  regionCode?: string;
}

/** RFC 9457 problem+json, as the API answers every error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
