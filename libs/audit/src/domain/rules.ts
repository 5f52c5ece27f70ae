/**
 * Automated quality checks (自动质检): pure rules over a matter's catalogue elements. Each rule has a
 * stable id (stored on the issue it logs, so a rule already open on a matter is not logged twice)
 * and the category of the issue it logs. A rule returns null when the matter passes, else what is wrong.
 */
import { toWorkingDays } from '@app/kernel';
import type { MatterElements, TimeLimit } from '@app/matters';
import type { QualityIssueCategory } from './categories';

/** Elements as the rules read them: `channels.postal` (邮寄办理) is honoured once the catalogue carries it. */
export type CheckedElements = MatterElements & { channels: MatterElements['channels'] & { postal?: boolean } };

export interface QualityRule {
  id: string;
  category: QualityIssueCategory;
  title: string;
  check(elements: CheckedElements): string | null;
}

export interface Finding {
  rule: string;
  category: QualityIssueCategory;
  description: string;
}

const describe = (limit: TimeLimit): string => `${limit.value} ${limit.unit}`;
const hasReason = (exemption: { reason: string } | undefined): boolean => (exemption?.reason ?? '').trim() !== '';
/** 兜底条款 such as “其他材料”, “审批机关要求的其他相关材料”: a catch-all that names nothing. */
const CATCH_ALL_MATERIAL = /(其他|其它)(相关|有关|必要)?的?(材料|资料|文件)$/;

export const QUALITY_RULES: readonly QualityRule[] = [
  {
    id: 'time-limit.promised-zero-not-instant',
    category: 'time_limit_inconsistent',
    title: '承诺时限为0的事项应为即办件',
    check: (e) =>
      e.promisedTimeLimit.value === 0 && e.handlingType !== 'instant' ? `承诺办结时限为0，但办件类型为承诺件（应为即办件）` : null,
  },
  {
    id: 'time-limit.instant-with-promised-limit',
    category: 'time_limit_inconsistent',
    title: '即办件的承诺时限应为0',
    check: (e) =>
      e.handlingType === 'instant' && e.promisedTimeLimit.value !== 0
        ? `即办件的承诺办结时限应为0，实为 ${describe(e.promisedTimeLimit)}`
        : null,
  },
  {
    id: 'time-limit.promised-exceeds-legal',
    category: 'time_limit_inconsistent',
    title: '承诺时限不得超过法定时限',
    check: (e) =>
      e.legalTimeLimit !== null && toWorkingDays(e.promisedTimeLimit) > toWorkingDays(e.legalTimeLimit)
        ? `承诺办结时限 ${describe(e.promisedTimeLimit)}（${toWorkingDays(e.promisedTimeLimit)} 个工作日）` +
          `超过法定办结时限 ${describe(e.legalTimeLimit)}（${toWorkingDays(e.legalTimeLimit)} 个工作日）`
        : null,
  },
  {
    id: 'visits.without-reason',
    category: 'visits_without_reason',
    title: '到现场次数大于0须说明不宜跑零次的理由',
    check: (e) =>
      e.maxVisits > 0 && !hasReason(e.exemptions.zeroVisit) ? `到办事现场次数为 ${e.maxVisits}，但未说明不宜跑零次的理由` : null,
  },
  {
    id: 'zero-visit.without-online-or-post',
    category: 'zero_visit_without_online',
    title: '零跑动事项须可网上（掌上）办理或邮寄办理',
    check: (e) =>
      e.maxVisits === 0 && !e.channels.online && !e.channels.mobile && e.channels.postal !== true
        ? '到办事现场次数为0，但既不能网上或掌上办理，也无邮寄办理'
        : null,
  },
  {
    id: 'materials.unnamed',
    category: 'materials_unclear',
    title: '申请材料须有名称',
    check: (e) => {
      const unnamed = e.materials.flatMap((m, i) => (m.name.trim() === '' ? [i + 1] : []));
      return unnamed.length > 0 ? `第 ${unnamed.join('、')} 项申请材料没有名称` : null;
    },
  },
  {
    id: 'materials.catch-all',
    category: 'materials_unclear',
    title: '申请材料不得含兜底条款（“其他材料”）',
    check: (e) => {
      const vague = e.materials.filter((m) => CATCH_ALL_MATERIAL.test(m.name.trim())).map((m) => m.name.trim());
      return vague.length > 0 ? `申请材料含兜底表述：${vague.map((n) => `“${n}”`).join('、')}` : null;
    },
  },
];

/** Run every rule over a matter's current elements; one finding per failed rule, in rule order. */
export function checkMatter(elements: CheckedElements, rules: readonly QualityRule[] = QUALITY_RULES): Finding[] {
  return rules.flatMap((rule) => {
    const description = rule.check(elements);
    return description === null ? [] : [{ rule: rule.id, category: rule.category, description }];
  });
}
