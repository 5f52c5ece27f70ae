import autocannon = require('autocannon');
import { BENCH_DEPARTMENT } from './bench-matter';
import { authHeaders, benchToken } from './bench-tokens';

/** How long (or how many) and how wide a submission load is. */
export type SubmissionLoad = { connections: number } & ({ amount: number } | { seconds: number });

/**
 * Submits applications through the API (POST /applications, a citizen's application at the
 * window, online or by mobile in turn) as fast as it answers, with `connections` clients, for
 * `amount` submissions or `seconds`; returns the ids of those accepted (201) and autocannon's result.
 */
export async function submissionLoad(baseUrl: string, matterId: string, load: SubmissionLoad) {
  const ids: string[] = [];
  const headers = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
  let n = 0;
  const result = await autocannon({
    url: baseUrl,
    connections: load.connections,
    ...('amount' in load ? { amount: load.amount } : { duration: load.seconds }),
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
  return { ids, result };
}

/** The stock a measured accept + complete run draws from: `count` submissions from 32 clients (not measured). */
export async function submitApplications(baseUrl: string, matterId: string, count: number): Promise<{ ids: string[]; perSecond: number }> {
  const { ids, result } = await submissionLoad(baseUrl, matterId, { connections: 32, amount: count });
  if (ids.length === 0) throw new Error(`no application could be submitted (status codes ${JSON.stringify(result.statusCodeStats)})`);
  return { ids, perSecond: result['2xx'] / result.duration };
}
