/**
 * Quality-issue categories (问题类别) as data: a stable code used in events, the API and the ledger,
 * with the Chinese label inspectors see and an English label for reports.
 */

export interface CategoryDefinition {
  code: string;
  zh: string;
  en: string;
}

export const QUALITY_ISSUE_CATEGORIES = [
  { code: 'elements_irregular', zh: '要素不规范', en: 'Missing or inconsistent elements' },
  { code: 'materials_unclear', zh: '材料不明确', en: 'Unclear application materials' },
  { code: 'time_limit_inconsistent', zh: '时限不一致', en: 'Time limits inconsistent with handling type' },
  { code: 'visits_without_reason', zh: '跑动次数无理由', en: 'In-person visits without a stated reason' },
  { code: 'zero_visit_without_online', zh: '零跑动无网办或邮寄', en: 'Zero-visit matter without online or postal handling' },
  { code: 'fee_without_basis', zh: '收费无依据', en: 'Fee without legal basis' },
  { code: 'missing_contacts', zh: '缺少联系方式', en: 'Missing contact information' },
  { code: 'other', zh: '其他问题', en: 'Other defect' },
] as const satisfies readonly CategoryDefinition[];

export type QualityIssueCategory = (typeof QUALITY_ISSUE_CATEGORIES)[number]['code'];

export const QUALITY_ISSUE_CATEGORY_CODES: readonly QualityIssueCategory[] = QUALITY_ISSUE_CATEGORIES.map((c) => c.code);

export function isQualityIssueCategory(code: unknown): code is QualityIssueCategory {
  return typeof code === 'string' && (QUALITY_ISSUE_CATEGORY_CODES as readonly string[]).includes(code);
}

export function categoryDefinition(code: QualityIssueCategory): CategoryDefinition {
  const found = QUALITY_ISSUE_CATEGORIES.find((c) => c.code === code);
  if (!found) throw new Error(`unknown quality-issue category ${code}`);
  return found;
}
