import { authHeaders, benchToken } from './bench-tokens';

export const BENCH_DEPARTMENT = 'dept-bench';

/** Registers and publishes one promised matter through the API; returns its id. */
export async function publishBenchMatter(baseUrl: string): Promise<string> {
  const headers = authHeaders(benchToken({ roles: ['catalog_admin'] }));
  const registered = await post(`${baseUrl}/api/v1/matters`, headers, {
    code: `BENCH-${Date.now().toString(36)}`,
    name: '基准测试事项 benchmark matter',
    departmentId: BENCH_DEPARTMENT,
    regionCode: '330602',
    handlingType: 'promised',
    legalTimeLimit: { value: 20, unit: 'workday' },
    promisedTimeLimit: { value: 5, unit: 'workday' },
    maxVisits: 0,
    channels: { online: true, mobile: true },
    materials: [{ name: '申请书 application form', electronic: true }],
  });
  const id = String(registered.id);
  await post(`${baseUrl}/api/v1/matters/${id}/publish`, headers, { effectiveFrom: '2019-01-01' });
  return id;
}

async function post(url: string, headers: Record<string, string>, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await response.text();
  if (!response.ok) throw new Error(`POST ${url} → ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as Record<string, unknown>;
}
