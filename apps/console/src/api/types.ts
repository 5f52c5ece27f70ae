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

/** The directory (行政区划 and departments): names beside the codes. */
export interface RegionEntry {
  code: string;
  name: string;
}
export interface DepartmentEntry {
  id: string;
  name: string;
  shortName: string;
  regionCode: string;
}

/** A page of a list route. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** What every command answers: the stream, its new version (the ETag) and the global position. */
export interface CommandResult {
  id: string;
  version: number;
  position: number;
}

export type ApplicationStatus =
  | 'submitted'
  | 'supplement_requested'
  | 'rejected'
  | 'accepted'
  | 'special_procedure'
  | 'suspended'
  | 'completed'
  | 'delivered'
  | 'returned';

/** An application (办件) as `GET /applications` lists it; the clock as of `asOf`. */
export interface Application {
  id: string;
  matterId: string;
  matterCode: string;
  departmentId: string;
  regionCode: string;
  status: ApplicationStatus;
  channel: 'online' | 'mobile' | 'window';
  submittedAt: string;
  acceptedOn: string | null;
  deadline: string | null;
  overdue: boolean;
  pausedWorkdays: number;
  workdaysLeft: number | null;
  asOf: string;
  supplementItems: string[] | null;
  applicant: { kind: 'person' | 'organisation'; name: string; idNumber: string; erased: boolean };
  version: number;
  position: number;
}

export const ISSUE_CATEGORIES = [
  { code: 'elements_irregular', name: '要素不规范' },
  { code: 'materials_unclear', name: '材料不明确' },
  { code: 'time_limit_inconsistent', name: '时限不一致' },
  { code: 'visits_without_reason', name: '跑动次数无理由' },
  { code: 'zero_visit_without_online', name: '零跑动无网办或邮寄' },
  { code: 'fee_without_basis', name: '收费无依据' },
  { code: 'missing_contacts', name: '缺少联系方式' },
  { code: 'other', name: '其他问题' },
] as const;

export type IssueStatus = 'found' | 'assigned' | 'rectified' | 'closed';

/** A quality issue (质检问题) as `GET /quality-issues` lists it. */
export interface QualityIssue {
  id: string;
  matterId: string;
  departmentId: string;
  regionCode: string;
  category: string;
  categoryLabel: { zh: string; en: string };
  description: string;
  rule: string | null;
  status: IssueStatus;
  deadline: string;
  overdue: boolean;
  foundOn: string;
  closedOn: string | null;
  inspector: string;
  lastNote: string | null;
  returnedWith: string | null;
  version: number;
  position: number;
}

export interface IssueStep {
  step: 'found' | 'assigned' | 'rectification-submitted' | 'verified' | 'verification-failed' | 'reopened';
  status: IssueStatus;
  at: string;
  date: string;
  actor: string;
  text: string | null;
  deadline: string;
  version: number;
}

export interface QualityIssueDetail extends QualityIssue {
  history: IssueStep[];
}

export interface LedgerCounts {
  found: number;
  closed: number;
  open: number;
  overdue: number;
}

/** 问题台账 as of a date (`GET /rectification-ledger`). */
export interface Ledger extends LedgerCounts {
  asOf: string;
  scope: { departmentId?: string; regionCode?: string };
  byDepartment: (LedgerCounts & { departmentId: string })[];
  byRegion: (LedgerCounts & { regionCode: string })[];
}

export interface WarningItem {
  applicationId: string;
  matterId: string;
  departmentId: string;
  regionCode: string;
  acceptedOn: string;
  deadline: string;
  workdaysLeft: number;
  level: 'yellow' | 'red';
}

/** 红黄牌预警 as of a date (`GET /supervision/warnings`). */
export interface WarningsReport {
  asOf: string;
  counts: { yellow: number; red: number };
  byDepartment: { departmentId: string; yellow: number; red: number }[];
  items: WarningItem[];
  page: number;
  pageSize: number;
  total: number;
}

export type RedCardStatus = 'issued' | 'explained' | 'closed';

/** A red card the sweep issued (`GET /supervision/cards`). */
export interface RedCard {
  id: string;
  applicationId: string;
  departmentId: string;
  regionCode: string;
  level: 'red';
  issuedOn: string;
  deadline: string;
  status: RedCardStatus;
  explanation?: { text: string; at: string };
  review?: { accepted: boolean; comment?: string; at: string };
  version: number;
}

/** A matter of the catalogue as `GET /matters` lists it. */
export interface MatterSummary {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  regionCode: string;
  status: 'draft' | 'published' | 'suspended' | 'retired';
  version: number;
}

/** What `POST /quality-checks` answers: how many matters were checked and the issues it logged. */
export interface QualityCheckRun {
  checked: number;
  logged: { issueId: string; matterId: string; rule: string }[];
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  roles: string[];
  command: { name?: string; [key: string]: unknown };
  streamId: string | null;
  position: number | null;
  prevHash: string;
  hash: string;
}

/** `GET /audit-log/verify`: the chain walked from genesis, and where it broke. */
export interface AuditVerification {
  valid: boolean;
  entries: number;
  head: string;
  headSeq: number;
  firstBadSeq?: number;
  reason?: 'missing_entry' | 'out_of_order' | 'broken_link' | 'hash_mismatch';
  firstBadEntry?: AuditEntry;
}

/** RFC 9457 problem+json, as the API answers every error. */
export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}
