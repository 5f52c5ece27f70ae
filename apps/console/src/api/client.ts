import { session, signOut } from './session';
import { problemMessage } from './problem';
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
