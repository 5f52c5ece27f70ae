import { Client } from 'pg';
import { STREAM_LOCK_CLASS } from '@app/event-store';
import { createThrowawayDatabase, describeOnPostgres, type ThrowawayDatabase } from '@app/event-store/testing';
import { registerBody } from '../matters-e2e.fixtures';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { eventually } from '../support/child-process';
import { counter } from '../support/prometheus-text';

jest.setTimeout(90_000);

const APP_NAME = 'fault-api-process';

/**
 * The API as it runs in production (main.ts in its own process): structured JSON logs with
 * correlation ids, Prometheus metrics for commands, conflicts and projection lag, and a graceful
 * shutdown on SIGTERM that drains the requests in flight, stops the projection runners, releases
 * their locks and closes every database connection before the process exits 0.
 */
describeOnPostgres('operations: logs, metrics and graceful shutdown of the API process', () => {
  let db: ThrowawayDatabase;
  let pg: Client;
  let api: ApiProcess;
  let admin: string;

  beforeAll(async () => {
    db = await createThrowawayDatabase('fault_operations');
    pg = new Client({ connectionString: db.url, application_name: 'fault-test' });
    await pg.connect();
    api = await startApiProcess(db.url, { PGAPPNAME: APP_NAME });
    admin = `Bearer ${api.token({ roles: ['catalog_admin'], sub: 'ops-admin' })}`;
  });

  afterAll(async () => {
    api?.cleanup();
    await pg?.end();
    await db?.drop();
  });

  const post = (path: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${api.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: admin, 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });

  async function publishedMatter(): Promise<string> {
    const registered = await post('/api/v1/matters', registerBody());
    expect(registered.status).toBe(201);
    const { id } = (await registered.json()) as { id: string };
    expect((await post(`/api/v1/matters/${id}/publish`, { effectiveFrom: '2019-03-01' })).status).toBe(200);
    return id;
  }

  it('logs JSON lines; a request’s X-Correlation-Id is echoed, in its log line and in its events’ metadata', async () => {
    const response = await post('/api/v1/matters', registerBody(), { 'X-Correlation-Id': 'ops-correlation-0001' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-correlation-id')).toBe('ops-correlation-0001');
    const { id } = (await response.json()) as { id: string };

    await eventually(() => api.lines().some((line) => line.includes('ops-correlation-0001')), 5_000, 'the request’s log line');
    const entries = api.lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((entry) => entry.correlationId === 'ops-correlation-0001')).toMatchObject({
      req: { method: 'POST', url: '/api/v1/matters' },
      res: { statusCode: 201 },
    });
    for (const entry of entries.filter((e) => e.req !== undefined)) expect(entry.correlationId).toEqual(expect.any(String));
    const { rows } = await pg.query(`SELECT metadata->>'correlationId' AS id FROM es_events WHERE stream_id = $1`, [`matter-${id}`]);
    expect(rows).toEqual([{ id: 'ops-correlation-0001' }]);
  });

  it('GET /metrics counts commands by outcome (accepted, conflict, precondition_failed) and shows projection lag', async () => {
    const before = await metrics();
    const id = await publishedMatter();
    expect((await post(`/api/v1/matters/${id}/publish`, { effectiveFrom: '2019-03-01' })).status).toBe(409);
    expect((await post(`/api/v1/matters/${id}/suspend`, { reason: 'stale' }, { 'If-Match': '"1"' })).status).toBe(412);
    const after = await metrics();
    const delta = (route: string, outcome: string) =>
      counter(after, 'commands_total', { route, outcome }) - counter(before, 'commands_total', { route, outcome });
    expect(delta('/api/v1/matters', 'accepted')).toBe(1);
    expect(delta('/api/v1/matters/:id/publish', 'accepted')).toBe(1);
    expect(delta('/api/v1/matters/:id/publish', 'conflict')).toBe(1);
    expect(delta('/api/v1/matters/:id/suspend', 'precondition_failed')).toBe(1);
    expect(after).toMatch(/^projection_lag_events\{projection="matters@v\d+"\} \d+$/m);
    expect(after).toMatch(/^projection_lag_events\{projection="applications@v\d+"\} \d+$/m);
  });

  it('on SIGTERM it drains the requests in flight, releases the projections’ locks, closes its connections and exits 0', async () => {
    const id = await publishedMatter();
    const holder = new Client({ connectionString: db.url, application_name: 'fault-test' });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [STREAM_LOCK_CLASS, `matter-${id}`]);
    const inFlight = Array.from({ length: 4 }, (_, n) =>
      post(`/api/v1/matters/${id}/revisions`, { name: `企业设立登记 drained ${n}`, effectiveFrom: '2019-06-01' }).then(async (r) => ({
        status: r.status,
        body: await r.json(),
      })),
    );
    // the first waits in the database for the stream's lock; the other three in the API, for a statement of their own
    const waiting = `SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock' AND query LIKE '%stream_lock%'`;
    await eventually(
      async () => (await pg.query(waiting, [APP_NAME])).rowCount === 1 && /^event_store_appends_waiting 3$/m.test(await metrics()),
      10_000,
      'four appends waiting for the stream',
    );
    expect(await advisoryLocksOf(APP_NAME)).toBeGreaterThan(0); // the projection runners' locks

    api.process.kill('SIGTERM');
    let exitedEarly = false;
    void api.exited.then(() => (exitedEarly = true));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(exitedEarly).toBe(false); // still draining
    await expect(fetch(`${api.baseUrl}/health`)).rejects.toThrow(); // no new connections
    const released = Date.now();
    await holder.query('ROLLBACK');
    await holder.end();

    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409]);
    const stillRunning = new Promise((resolve) => setTimeout(() => resolve('still running 8 s after the drain'), 8_000).unref());
    expect(await Promise.race([api.exited, stillRunning])).toEqual({ code: 0, signal: null });
    expect(Date.now() - released).toBeLessThan(2_000); // not held by the clients' idle keep-alive connections
    await eventually(
      async () => (await pg.query('SELECT 1 FROM pg_stat_activity WHERE application_name = $1', [APP_NAME])).rowCount === 0,
      2_000,
      'no connection of the API left',
    );
    expect(await advisoryLocksOf(APP_NAME)).toBe(0);
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1 AND type = 'matter.revised'`, [
      `matter-${id}`,
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });

  async function advisoryLocksOf(applicationName: string): Promise<number> {
    const { rows } = await pg.query(
      `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = $1`,
      [applicationName],
    );
    return rows[0].n;
  }

  async function metrics(): Promise<string> {
    const response = await fetch(`${api.baseUrl}/metrics`);
    expect(response.status).toBe(200);
    return response.text();
  }
});
