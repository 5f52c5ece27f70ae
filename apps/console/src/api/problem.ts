import type { Problem } from './types';

/** What a refused request means to the person in front of the console. */
const STATUS_TEXT: Record<number, string> = {
  400: '请求参数有误',
  401: '登录已失效，请重新登录',
  403: '当前角色无权进行此操作',
  404: '未找到',
  409: '与当前状态冲突',
  412: '数据已被他人修改，请刷新后重试',
  429: '请求过于频繁，请稍后再试',
  503: '服务暂不可用，请稍后再试',
};

/** `请求参数有误：from must not be after to（from：…）` */
export function problemMessage(status: number, problem?: Problem): string {
  const head = STATUS_TEXT[status] ?? (status >= 500 ? '服务器出错' : `请求失败（${status}）`);
  const detail = problem?.detail ?? problem?.title;
  const fields = (problem?.errors ?? []).map((e) => `${e.field}：${e.message}`).join('；');
  return [head, detail, fields].filter(Boolean).join(' — ');
}

/**
 * The problem's field errors by form field: `items.0` and `items` both land on `items`; errors
 * that name no field of the form are left for the dialog's own alert.
 */
export function fieldErrors(problem: Problem | undefined, fields: readonly string[]): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const error of problem?.errors ?? []) {
    const field = fields.find((name) => error.field === name || error.field.startsWith(`${name}.`) || error.field.startsWith(`${name}[`));
    if (field) byField[field] = byField[field] ? `${byField[field]}；${error.message}` : error.message;
    else rest.push(`${error.field}：${error.message}`);
  }
  return { byField, rest };
}
