import autocannon = require('autocannon');
import { BENCH_DEPARTMENT } from './bench-matter';
import { authHeaders, benchToken } from './bench-tokens';

/**
 * Submits `count` applications through the API (32 connections, as fast as it answers) and
 * returns their ids: the stock the measured accept + complete run draws from. Not measured.
 */
export async function submitApplications(baseUrl: string, matterId: string, count: number): Promise<{ ids: string[]; perSecond: number }> {
  const ids: string[] = [];
  const headers = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
  let n = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: 32,
    amount: count,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/applications',
        headers,
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({
            matterId,
            channel: n % 3 === 0 ? 'window' : n % 3 === 1 ? 'online' : 'mobile',
            applicant: { kind: 'person', name: `申请人${n}`, idNumber: `33060219900101${String(n++ % 10_000).padStart(4, '0')}` },
          }),
        }),
        onResponse: (status, body) => {
          if (status === 201) ids.push(String((JSON.parse(body) as { id: string }).id));
        },
      },
    ],
  });
  if (ids.length === 0) throw new Error(`no application could be submitted (status codes ${JSON.stringify(result.statusCodeStats)})`);
  return { ids, perSecond: result['2xx'] / result.duration };
}
