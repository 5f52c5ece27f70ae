import { session, signOut } from './session';
import { problemMessage } from './problem';
import type {
  Application,
  AssessmentReport,
  AuditEntry,
  AuditVerification,
  CommandResult,
  DepartmentEntry,
  DevToken,
  GroupBy,
  IndicatorKey,
  Ledger,
  MatterSummary,
  Page,
  Problem,
  QualityCheckRun,
  QualityIssue,
  QualityIssueDetail,
  Ranking,
  RedCard,
  RegionEntry,
  Role,
  WarningsReport,
} from './types';

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

/** How a command is sent: the key that makes a retry harmless, and the version it was decided on. */
export interface CommandOptions {
  /** the same key for every retry of one intended change (api.md: Idempotency-Key) */
  idempotencyKey: string;
  /** the stream version the person saw; another's change in between is 412 */
  ifMatch?: number;
}

/** A POST command: `{id, version, position}` back (or the route's own answer), or an ApiError (412 when someone changed it first). */
async function command<T = CommandResult>(path: string, body: object, options: CommandOptions): Promise<T> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Idempotency-Key': options.idempotencyKey,
  };
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`;
  return (await send(path, { method: 'POST', headers, body: JSON.stringify(body) })).json() as Promise<T>;
}

export interface AssessmentScope {
  asOf?: string;
  /** the period of the application-level indicators (default: the API's) */
  from?: string;
  to?: string;
  regionCode?: string;
  departmentId?: string;
}

export interface ApplicationListQuery {
  departmentId?: string;
  status?: string;
  open?: boolean;
  sort?: 'submitted' | 'deadline';
  page?: number;
  pageSize?: number;
  /** read one's own writes: wait until the read models have processed this position */
  minPosition?: number;
}

const text = (value: number | boolean | undefined) => (value === undefined ? undefined : String(value));

export interface IssueListQuery {
  departmentId?: string;
  regionCode?: string;
  status?: string;
  overdue?: boolean;
  category?: string;
  matterId?: string;
  page?: number;
  pageSize?: number;
  minPosition?: number;
}

export const api = {
  ledger: (scope: AssessmentScope & { minPosition?: number }) =>
    getJson<Ledger>(`/rectification-ledger${query({ ...scope, minPosition: text(scope.minPosition) })}`),
  qualityIssues: (q: IssueListQuery) =>
    getJson<Page<QualityIssue>>(
      `/quality-issues${query({ ...q, overdue: text(q.overdue), page: text(q.page), pageSize: text(q.pageSize), minPosition: text(q.minPosition) })}`,
    ),
  warnings: (q: { asOf?: string; departmentId?: string; regionCode?: string; level?: string; page?: number; pageSize?: number }) =>
    getJson<WarningsReport>(`/supervision/warnings${query({ ...q, page: text(q.page), pageSize: text(q.pageSize) })}`),
  redCards: (q: { departmentId?: string; status?: string; page?: number; pageSize?: number; minPosition?: number }) =>
    getJson<Page<RedCard>>(
      `/supervision/cards${query({ ...q, page: text(q.page), pageSize: text(q.pageSize), minPosition: text(q.minPosition) })}`,
    ),
  explainCard: (id: string, body: { text: string }, options: CommandOptions) =>
    command(`/supervision/cards/${id}/explanation`, body, options),
  reviewCard: (id: string, body: { accepted: boolean; comment?: string }, options: CommandOptions) =>
    command(`/supervision/cards/${id}/review`, body, options),
  matters: (q: { q?: string; status?: string; page?: number; pageSize?: number }) =>
    getJson<Page<MatterSummary>>(`/matters${query({ ...q, page: text(q.page), pageSize: text(q.pageSize) })}`),
  logIssue: (body: { matterId: string; category: string; description: string; deadline?: string }, options: CommandOptions) =>
    command('/quality-issues', body, options),
  assignIssue: (id: string, options: CommandOptions) => command(`/quality-issues/${id}/assign`, {}, options),
  verifyIssue: (id: string, body: { passed: boolean; comment?: string }, options: CommandOptions) =>
    command(`/quality-issues/${id}/verification`, body, options),
  runChecks: (body: { matterId?: string }, options: CommandOptions) => command<QualityCheckRun>('/quality-checks', body, options),
  verifyAudit: () => getJson<AuditVerification>('/audit-log/verify'),
  auditLog: (q: { actor?: string; streamId?: string; page?: number; pageSize?: number }) =>
    getJson<Page<AuditEntry>>(`/audit-log${query({ ...q, page: text(q.page), pageSize: text(q.pageSize) })}`),
  qualityIssue: (id: string) => getJson<QualityIssueDetail>(`/quality-issues/${id}`),

  regions: () => getJson<{ items: RegionEntry[] }>('/regions'),
  departments: (page: number) => getJson<Page<DepartmentEntry>>(`/departments${query({ page: String(page), pageSize: '200' })}`),

  applications: (q: ApplicationListQuery) =>
    getJson<Page<Application>>(
      `/applications${query({
        departmentId: q.departmentId,
        status: q.status,
        open: text(q.open),
        sort: q.sort,
        page: text(q.page),
        pageSize: text(q.pageSize),
        minPosition: text(q.minPosition),
      })}`,
    ),

  accept: (id: string, options: CommandOptions) => command(`/applications/${id}/accept`, {}, options),
  requestSupplement: (id: string, items: string[], options: CommandOptions) =>
    command(`/applications/${id}/supplement-requests`, { items }, options),
  receiveSupplement: (id: string, options: CommandOptions) => command(`/applications/${id}/supplements`, {}, options),
  complete: (id: string, body: { outcome: 'approved' | 'denied'; visits: number }, options: CommandOptions) =>
    command(`/applications/${id}/complete`, body, options),

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
