import { session, signOut } from './session';
import type { AssessmentReport, DevToken, GroupBy, IndicatorKey, Problem, Ranking, Role } from './types';

const API = '/api/v1';

/** A refused or failed request, said in Chinese with the problem's `detail`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem?: Problem,
  ) {
    super(message);
  }
}

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

async function send(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (session.token) headers.set('Authorization', `Bearer ${session.token}`);
  let response: Response;
  try {
    // no-store: figures are read live (the 大屏 refreshes), never from the browser's cache
    response = await fetch(`${API}${path}`, { cache: 'no-store', ...init, headers });
  } catch {
    throw new ApiError(0, '无法连接服务器，请检查网络');
  }
  if (response.ok) return response;
  const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
  if (response.status === 401 && session.token) signOut();
  throw new ApiError(response.status, problemMessage(response.status, problem), problem);
}

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => !!entry[1]));
  const text = search.toString();
  return text ? `?${text}` : '';
};

const getJson = async <T>(path: string): Promise<T> => (await send(path, { headers: { Accept: 'application/json' } })).json() as Promise<T>;

export interface AssessmentScope {
  asOf?: string;
  regionCode?: string;
  departmentId?: string;
}

export const api = {
  rankings: (indicator: IndicatorKey, by: GroupBy, asOf?: string) => getJson<Ranking>(`/rankings${query({ indicator, by, asOf })}`),

  assessment: (scope: AssessmentScope) => getJson<AssessmentReport>(`/assessment${query({ ...scope })}`),

  /** The CSV or XLSX export, fetched with the token: its file name from Content-Disposition. */
  async report(format: 'csv' | 'xlsx', scope: AssessmentScope): Promise<{ blob: Blob; fileName: string }> {
    const response = await send(`/reports/assessment.${format}${query({ ...scope })}`);
    const disposition = response.headers.get('Content-Disposition') ?? '';
    const fileName = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? `assessment.${format}`;
    return { blob: await response.blob(), fileName };
  },

  /** Whether this service offers 开发登录 (only the embedded default with its generated secret). */
  async devSignInOffered(): Promise<boolean> {
    try {
      await send('/dev/sign-in');
      return true;
    } catch {
      return false;
    }
  },

  devToken: async (body: { roles: Role[]; departmentId?: string; regionCode?: string }) =>
    (
      await send('/dev/tokens', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(body),
      })
    ).json() as Promise<DevToken>,
};

/** Saves a blob as a file through the browser's download. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
