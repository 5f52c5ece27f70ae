import type { MatterElements } from '@app/matters';
import { checkMatter, QUALITY_RULES, type CheckedElements } from './rules';

/** A matter that passes every rule: promised, 5 of 20 working days, zero-visit, online, named materials. */
const good: MatterElements = {
  name: '食品经营许可',
  departmentId: 'dept-market',
  regionCode: '330602',
  handlingType: 'promised',
  legalTimeLimit: { value: 20, unit: 'workday' },
  promisedTimeLimit: { value: 5, unit: 'workday' },
  maxVisits: 0,
  channels: { online: true, mobile: true },
  exemptions: {},
  materials: [{ name: '食品经营许可申请书', electronic: true }],
};
const instant: MatterElements = { ...good, handlingType: 'instant', promisedTimeLimit: { value: 0, unit: 'workday' } };

const failedRules = (elements: CheckedElements) => checkMatter(elements).map((f) => f.rule);

describe('automated quality rules', () => {
  it('a good promised matter and a good instant matter pass every rule', () => {
    expect(checkMatter(good)).toEqual([]);
    expect(checkMatter(instant)).toEqual([]);
  });

  it('rule ids are unique and stable', () => {
    expect(QUALITY_RULES.map((r) => r.id)).toEqual([
      'time-limit.promised-zero-not-instant',
      'time-limit.instant-with-promised-limit',
      'time-limit.promised-exceeds-legal',
      'visits.without-reason',
      'zero-visit.without-online-or-post',
      'materials.unnamed',
      'materials.catch-all',
    ]);
  });

  it('promised 0 must be instant → time_limit_inconsistent', () => {
    const findings = checkMatter({ ...good, promisedTimeLimit: { value: 0, unit: 'workday' } });
    expect(findings).toEqual([
      {
        rule: 'time-limit.promised-zero-not-instant',
        category: 'time_limit_inconsistent',
        description: expect.stringContaining('应为即办件'),
      },
    ]);
  });

  it('instant must have promised 0 → time_limit_inconsistent', () => {
    const findings = checkMatter({ ...instant, promisedTimeLimit: { value: 3, unit: 'workday' } });
    expect(findings).toEqual([
      {
        rule: 'time-limit.instant-with-promised-limit',
        category: 'time_limit_inconsistent',
        description: expect.stringContaining('3 workday'),
      },
    ]);
  });

  it('promised ≤ legal, in working days (month = 22, year = 250) → time_limit_inconsistent', () => {
    const exceeds = {
      rule: 'time-limit.promised-exceeds-legal',
      category: 'time_limit_inconsistent',
      description: expect.stringContaining('超过法定办结时限'),
    };
    expect(checkMatter({ ...good, promisedTimeLimit: { value: 21, unit: 'workday' } })).toEqual([exceeds]);
    expect(
      checkMatter({ ...good, legalTimeLimit: { value: 1, unit: 'month' }, promisedTimeLimit: { value: 23, unit: 'workday' } }),
    ).toEqual([exceeds]);
    expect(
      checkMatter({ ...good, legalTimeLimit: { value: 1, unit: 'month' }, promisedTimeLimit: { value: 22, unit: 'workday' } }),
    ).toEqual([]);
    expect(checkMatter({ ...good, legalTimeLimit: { value: 1, unit: 'year' }, promisedTimeLimit: { value: 11, unit: 'month' } })).toEqual(
      [],
    );
    expect(checkMatter({ ...good, legalTimeLimit: { value: 1, unit: 'year' }, promisedTimeLimit: { value: 12, unit: 'month' } })).toEqual([
      exceeds,
    ]);
    expect(checkMatter({ ...good, legalTimeLimit: null, promisedTimeLimit: { value: 60, unit: 'workday' } })).toEqual([]);
  });

  it('maxVisits > 0 needs a zero-visit exemption reason → visits_without_reason', () => {
    const visits = { ...good, maxVisits: 1 };
    expect(checkMatter(visits)).toEqual([
      { rule: 'visits.without-reason', category: 'visits_without_reason', description: expect.stringContaining('到办事现场次数为 1') },
    ]);
    expect(failedRules({ ...visits, exemptions: { zeroVisit: { reason: '  ' } } })).toEqual(['visits.without-reason']);
    expect(checkMatter({ ...visits, exemptions: { zeroVisit: { reason: '需现场核验原件' } } })).toEqual([]);
  });

  it('zero-visit needs online, mobile or postal handling → zero_visit_without_online', () => {
    const offline = { ...good, channels: { online: false, mobile: false } };
    expect(checkMatter(offline)).toEqual([
      { rule: 'zero-visit.without-online-or-post', category: 'zero_visit_without_online', description: expect.any(String) },
    ]);
    expect(checkMatter({ ...offline, channels: { online: false, mobile: true } })).toEqual([]);
    expect(checkMatter({ ...offline, channels: { online: true, mobile: false } })).toEqual([]);
    expect(checkMatter({ ...offline, channels: { online: false, mobile: false, postal: true } })).toEqual([]);
    expect(checkMatter({ ...offline, maxVisits: 1, exemptions: { zeroVisit: { reason: '需现场核验' } } })).toEqual([]);
  });

  it('every material must be named → materials_unclear', () => {
    const materials = [
      { name: '申请书', electronic: true },
      { name: ' ', electronic: true },
      { name: '', electronic: false },
    ];
    expect(checkMatter({ ...good, materials })).toEqual([
      { rule: 'materials.unnamed', category: 'materials_unclear', description: '第 2、3 项申请材料没有名称' },
    ]);
  });

  it('catch-all materials (“其他材料”) → materials_unclear', () => {
    const materials = [
      { name: '申请书', electronic: true },
      { name: '审批机关要求的其他相关材料', electronic: false },
    ];
    expect(checkMatter({ ...good, materials })).toEqual([
      { rule: 'materials.catch-all', category: 'materials_unclear', description: expect.stringContaining('“审批机关要求的其他相关材料”') },
    ]);
    expect(failedRules({ ...good, materials: [{ name: '其它资料', electronic: true }] })).toEqual(['materials.catch-all']);
    expect(failedRules({ ...good, materials: [{ name: '其他股东身份证明材料', electronic: true }] })).toEqual([]);
  });

  it('reports one finding per failed rule, in rule order', () => {
    const bad: CheckedElements = {
      ...good,
      promisedTimeLimit: { value: 0, unit: 'workday' },
      maxVisits: 2,
      materials: [{ name: '', electronic: false }],
    };
    expect(failedRules(bad)).toEqual(['time-limit.promised-zero-not-instant', 'visits.without-reason', 'materials.unnamed']);
  });
});
