import request from 'supertest';
import { launchTestApp, type TestApp } from './test-app';

/**
 * The real application on the PostgreSQL database at `url` (e.g. one of a dedicated cluster the
 * test restarts); the caller owns the database. Like `startTestApp`, nothing is mocked.
 */
export function startTestAppAt(url: string, env: Record<string, string> = {}): Promise<TestApp> {
  return launchTestApp({ RATE_LIMIT_PER_MINUTE: '100000', DATABASE_URL: url, ...env });
}

/** A response, or `timeout` when the API did not answer within `ms` (a hang is a failure, never a wait). */
export async function within<T extends request.Test>(
  test: T,
  ms: number,
): Promise<{ status: number | 'timeout' | 'network'; body: unknown; type?: string }> {
  try {
    const response = await test.timeout({ response: ms, deadline: ms });
    return { status: response.status, body: response.body, type: response.headers['content-type'] };
  } catch (error) {
    const { timeout, status, response } = error as { timeout?: number; status?: number; response?: request.Response };
    if (timeout) return { status: 'timeout', body: String(error) };
    if (status && response) return { status, body: response.body, type: response.headers['content-type'] };
    return { status: 'network', body: String(error) };
  }
}
