import { categoryDefinition, isQualityIssueCategory, QUALITY_ISSUE_CATEGORIES } from './categories';

describe('quality-issue categories', () => {
  it('holds the seven categories of domain.md with their Chinese labels', () => {
    const labels = Object.fromEntries(QUALITY_ISSUE_CATEGORIES.map((c) => [c.code, c.zh]));
    expect(labels).toMatchObject({
      elements_irregular: '要素不规范',
      materials_unclear: '材料不明确',
      time_limit_inconsistent: '时限不一致',
      visits_without_reason: '跑动次数无理由',
      zero_visit_without_online: '零跑动无网办或邮寄',
      fee_without_basis: '收费无依据',
      missing_contacts: '缺少联系方式',
    });
  });

  it('has unique codes and an English label for each', () => {
    const codes = QUALITY_ISSUE_CATEGORIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const c of QUALITY_ISSUE_CATEGORIES) expect(c.en.length).toBeGreaterThan(0);
  });

  it('recognises codes and looks definitions up', () => {
    expect(isQualityIssueCategory('fee_without_basis')).toBe(true);
    expect(isQualityIssueCategory('Fee_Without_Basis')).toBe(false);
    expect(isQualityIssueCategory(42)).toBe(false);
    expect(categoryDefinition('missing_contacts')).toEqual({
      code: 'missing_contacts',
      zh: '缺少联系方式',
      en: 'Missing contact information',
    });
  });
});
