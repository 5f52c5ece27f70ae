import type { IssueStatus, IssueStep } from '../api/types';

export const ISSUE_STATUS_NAMES: Record<IssueStatus, string> = {
  found: '已发现',
  assigned: '整改中',
  rectified: '待验证',
  closed: '已销号',
};

export const STEP_NAMES: Record<IssueStep['step'], string> = {
  found: '发现问题',
  assigned: '交办部门',
  'rectification-submitted': '提交整改',
  verified: '验证通过，销号',
  'verification-failed': '验证未通过，退回整改',
  reopened: '重新打开',
};

/** How a step shows on the loop's timeline: a failed verification or a reopening is a setback. */
export function stepTone(step: IssueStep['step']): 'primary' | 'success' | 'danger' | 'warning' {
  if (step === 'verified') return 'success';
  if (step === 'verification-failed') return 'danger';
  if (step === 'reopened') return 'warning';
  return 'primary';
}

/** `2 / 5 超期`-style share of a count, as text: `40.00%（2 / 5）`, or `—（0 / 0）`. */
export function shareText(part: number, whole: number): string {
  const rate = whole === 0 ? '—' : `${((part / whole) * 100).toFixed(2)}%`;
  return `${rate}（${part.toLocaleString('zh-CN')} / ${whole.toLocaleString('zh-CN')}）`;
}
