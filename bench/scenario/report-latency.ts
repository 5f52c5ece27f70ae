import autocannon = require('autocannon');
import { authHeaders, benchToken } from '../http/bench-tokens';
import { log } from '../support/log';

/** The three report routes of section 4, as the province's pull would ask them (as of the scenario's date). */
export const REPORT_ROUTES = [
  '/api/v1/assessment?asOf=2019-10-31',
  '/api/v1/rectification-ledger?asOf=2019-10-31',
  '/api/v1/rankings?indicator=onlineAcceptanceRate&by=department&asOf=2019-10-31',
] as const;

export interface RouteLatency {
  route: string;
  p50: number[];
  p99: number[];
}

/**
 * Each route asked one request after the other for `seconds` (1 connection: latency, not load),
 * `runs` times; autocannon's histogram gives p50 and p99 of each run. A non-2xx answer fails it.
 * `routes`: the report routes by default (the warnings route is measured the same way, as an assessor).
 */
export async function measureReportLatency(
  baseUrl: string,
  runs: number,
  seconds: number,
  routes: readonly string[] = REPORT_ROUTES,
): Promise<RouteLatency[]> {
  const headers = authHeaders(benchToken({ roles: ['assessor'] }));
  const results: RouteLatency[] = routes.map((route) => ({ route, p50: [], p99: [] }));
  for (const route of results) {
    const probe = await fetch(`${baseUrl}${route.route}`, { headers });
    if (!probe.ok) throw new Error(`GET ${route.route} → ${probe.status}: ${(await probe.text()).slice(0, 200)}`);
  }
  for (let run = 0; run < runs; run++) {
    for (const route of results) {
      const result = await autocannon({ url: `${baseUrl}${route.route}`, connections: 1, duration: seconds, headers, timeout: 30 });
      if (result.non2xx > 0) throw new Error(`GET ${route.route}: ${result.non2xx} non-2xx answers`);
      route.p50.push(result.latency.p50);
      route.p99.push(result.latency.p99);
    }
  }
  for (const route of results) log(`GET ${route.route}: p50 ${route.p50.join('/')} ms, p99 ${route.p99.join('/')} ms`);
  return results;
}

/** Per run, the worst p99 of the three routes (the figure the target bounds). */
export function worstP99PerRun(latencies: RouteLatency[]): number[] {
  return latencies[0].p99.map((_, run) => Math.max(...latencies.map((route) => route.p99[run])));
}
