import type { Application, ApplicationStatus } from '../api/types';

export const STATUS_NAMES: Record<ApplicationStatus, string> = {
  submitted: '待受理',
  supplement_requested: '待补正',
  rejected: '不予受理',
  accepted: '办理中',
  special_procedure: '特别程序',
  suspended: '已暂停',
  completed: '已办结',
  delivered: '已送达',
  returned: '已退件',
};

export const CHANNEL_NAMES: Record<Application['channel'], string> = { online: '网上', mobile: '掌上', window: '窗口' };

export type Urgency = 'overdue' | 'due' | 'soon' | 'running' | 'paused' | 'intake';

/**
 * What the clock says, in words first (never colour alone): `剩余 3 个工作日`, `今日到期`,
 * `已超期 2 个工作日`; a paused clock and one not yet started say so.
 */
export function workdaysLeftText(application: Pick<Application, 'status' | 'workdaysLeft'>): { text: string; urgency: Urgency } {
  const { status, workdaysLeft } = application;
  if (status === 'special_procedure' || status === 'suspended') return { text: '暂停计时', urgency: 'paused' };
  if (workdaysLeft === null) return { text: status === 'supplement_requested' ? '待补正，未计时' : '未受理，未计时', urgency: 'intake' };
  if (workdaysLeft < 0) return { text: `已超期 ${-workdaysLeft} 个工作日`, urgency: 'overdue' };
  if (workdaysLeft === 0) return { text: '今日到期', urgency: 'due' };
  return { text: `剩余 ${workdaysLeft} 个工作日`, urgency: workdaysLeft <= 3 ? 'soon' : 'running' };
}

export type WorkAction = 'accept' | 'supplement' | 'receive' | 'complete';

export const ACTION_NAMES: Record<WorkAction, string> = {
  accept: '受理',
  supplement: '要求补正',
  receive: '补正已收',
  complete: '办结',
};

/** The window's next steps for an application in this status (the decider refuses the rest with 409). */
export function actionsFor(status: ApplicationStatus): WorkAction[] {
  if (status === 'submitted') return ['accept', 'supplement'];
  if (status === 'supplement_requested') return ['receive'];
  if (status === 'accepted') return ['complete'];
  return [];
}

/** Supplement items as typed: one per line, blanks dropped. */
export const splitItems = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
