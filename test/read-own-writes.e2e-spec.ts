import { randomUUID } from 'node:crypto';
import { createThrowawayDatabase, describeOnPostgres, type ThrowawayDatabase } from '@app/event-store/testing';
import { MARKET, registerBody } from './matters-e2e.fixtures';
import { startApiProcess, type ApiProcess } from './support/api-process';
import { eventually, spawnTs, type Child } from './support/child-process';
import { PostgresSqlClient } from '@app/event-store';
import { PROJECTION_LOCK_KEYS, projectionLocksHeld } from './support/projection-locks';
import { TEST_JWT_SECRET } from './support/test-app';
import { submitBody } from './support/applications';

jest.setTimeout(120_000);

const WORKER_NAME = 'ryw-projection-worker';
const PAUSE_MS = 600;

/**
 * api.md "Reading one's own writes": the GET of one matter, application or quality issue right
 * after a command on it shows the command's effect, with no parameter. The API serves only
 * (RUN_PROJECTIONS=false); the projections run in a worker process the test pauses (SIGSTOP), so
 * the read models are stale for as long as it likes: the lists, which do not wait, show the old
 * state, the entity's GET waits for the worker (or answers 503 with Retry-After after 5 s).
 */
describeOnPostgres('reading one’s own writes, projections in a paused worker', () => {
  let db: ThrowawayDatabase;
  let pg: PostgresSqlClient;
  let api: ApiProcess;
  let worker: Child;

  beforeAll(async () => {
    db = await createThrowawayDatabase('read_own_writes');
    pg = new PostgresSqlClient({ connectionString: db.url, max: 1 });
    api = await startApiProcess(db.url, { RUN_PROJECTIONS: 'false' });
    worker = spawnTs('apps/api/src/cli/projections.cli.ts', ['run'], {
      DATABASE_URL: db.url,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PGAPPNAME: WORKER_NAME,
      LOG_LEVEL: 'warn',
    });
    await eventually(
      async () => (await projectionLocksHeld(pg, WORKER_NAME)) === PROJECTION_LOCK_KEYS.length,
      30_000,
      'the worker to hold every projection lock',
    );
  });

  afterAll(async () => {
    worker?.process.kill('SIGCONT');
    worker?.process.kill('SIGKILL');
    api?.cleanup();
    await pg?.close();
    await db?.drop();
  });

  const admin = () => api.token({ roles: ['admin'], sub: 'ryw-admin' });
  const staff = () => api.token({ roles: ['window_staff'], departmentId: MARKET, sub: 'ryw-staff' });
  const inspector = () => api.token({ roles: ['inspector'], sub: 'ryw-inspector' });

  const post = async (token: string, path: string, body: object = {}) => {
    const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as { id: string; version: number; position: number };
    if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const get = async (token: string, path: string) => {
    const started = performance.now();
    const response = await fetch(`${api.baseUrl}/api/v1${path}`, { headers: { Authorization: `Bearer ${token}` } });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, headers: response.headers, body: (await response.json()) as any, ms: performance.now() - started };
  };

  /** The worker stops applying; `during` runs; the worker goes on after PAUSE_MS (or when `during` ends, if later). */
  async function withWorkerPaused<T>(during: () => Promise<T>): Promise<T> {
    worker.process.kill('SIGSTOP');
    const resume = new Promise((resolve) => setTimeout(resolve, PAUSE_MS)).then(() => worker.process.kill('SIGCONT'));
    try {
      return await during();
    } finally {
      await resume;
    }
  }

  /** A command on a paused worker, then at once the stale list and the entity's GET, which must wait for the worker. */
  async function commandThenRead(command: () => Promise<unknown>, list: () => Promise<unknown>, read: () => ReturnType<typeof get>) {
    return withWorkerPaused(async () => {
      await command();
      const stale = await list();
      const fresh = await read();
      return { stale, fresh };
    });
  }

  const publishedMatter = async () => {
    const body = registerBody();
    const { id } = await post(admin(), '/matters', body);
    await post(admin(), `/matters/${id}/publish`, { effectiveFrom: '2019-03-01', at: '2019-03-01T10:00:00+08:00' });
    expect((await get(admin(), `/matters/${id}`)).body).toMatchObject({ status: 'published' });
    return { id, code: body.code as string };
  };

  it('a matter: published, then its GET shows it published while the list still shows the draft', async () => {
    const body = registerBody();
    const { id } = await post(admin(), '/matters', body);
    expect((await get(admin(), `/matters/${id}`)).body).toMatchObject({ id, status: 'draft' }); // a new stream, waited for too

    const { stale, fresh } = await commandThenRead(
      () => post(admin(), `/matters/${id}/publish`, { effectiveFrom: '2019-03-01', at: '2019-03-01T10:00:00+08:00' }),
      async () => (await get(admin(), `/matters?q=${encodeURIComponent(body.code as string)}`)).body.items,
      () => get(admin(), `/matters/${id}`),
    );
    expect(stale).toEqual([expect.objectContaining({ id, status: 'draft' })]);
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ id, status: 'published', version: 2 });
    expect(fresh.ms).toBeGreaterThan(PAUSE_MS / 2);
  });

  it('an application: submitted and accepted, each GET right after the command shows it', async () => {
    const matter = await publishedMatter();
    const submitted = await withWorkerPaused(async () => {
      const { id } = await post(staff(), '/applications', submitBody(matter.id));
      return { id, read: await get(staff(), `/applications/${id}`) };
    });
    expect(submitted.read.status).toBe(200); // not 404: the new stream was waited for
    expect(submitted.read.body).toMatchObject({ id: submitted.id, status: 'submitted' });

    const { stale, fresh } = await commandThenRead(
      () => post(staff(), `/applications/${submitted.id}/accept`, { at: '2019-09-24T10:00:00+08:00' }),
      async () => (await get(staff(), '/applications?pageSize=100')).body.items.find((a: { id: string }) => a.id === submitted.id),
      () => get(staff(), `/applications/${submitted.id}`),
    );
    expect(stale).toMatchObject({ status: 'submitted' });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ id: submitted.id, status: 'accepted', version: 2 });
    expect(fresh.ms).toBeGreaterThan(PAUSE_MS / 2);
  });

  it('a quality issue: logged and assigned, each GET right after the command shows it', async () => {
    const matter = await publishedMatter();
    const logged = await post(inspector(), '/quality-issues', {
      matterId: matter.id,
      category: 'other',
      description: '申请材料含“其他材料”',
      at: '2019-09-27T09:00:00+08:00',
    });
    expect((await get(inspector(), `/quality-issues/${logged.id}`)).body).toMatchObject({ id: logged.id, status: 'found' });

    const { stale, fresh } = await commandThenRead(
      () => post(inspector(), `/quality-issues/${logged.id}/assign`, { at: '2019-09-27T10:00:00+08:00' }),
      async () =>
        (await get(inspector(), `/quality-issues?matterId=${matter.id}`)).body.items.find((i: { id: string }) => i.id === logged.id),
      () => get(inspector(), `/quality-issues/${logged.id}`),
    );
    expect(stale).toMatchObject({ status: 'found' });
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ id: logged.id, status: 'assigned', version: 2 });
    expect(fresh.ms).toBeGreaterThan(PAUSE_MS / 2);
  });

  it('an unknown id waits for nothing (404 at once), even with the worker paused', async () => {
    const read = await withWorkerPaused(() => get(admin(), `/matters/${randomUUID()}`));
    expect(read.status).toBe(404);
    expect(read.ms).toBeLessThan(PAUSE_MS / 2);
  });

  it('gives up after 5 s: 503 problem+json with Retry-After, and the GET answers once the worker is back', async () => {
    const { id } = await post(admin(), '/matters', registerBody());
    worker.process.kill('SIGSTOP');
    try {
      await post(admin(), `/matters/${id}/publish`, { effectiveFrom: '2019-03-01', at: '2019-03-01T10:00:00+08:00' });
      const read = await get(admin(), `/matters/${id}`);
      expect(read.status).toBe(503);
      expect(read.headers.get('content-type')).toContain('application/problem+json');
      expect(read.headers.get('retry-after')).toBe('1');
      expect(read.ms).toBeGreaterThanOrEqual(4_900);
      expect(read.ms).toBeLessThan(8_000);
    } finally {
      worker.process.kill('SIGCONT');
    }
    expect((await get(admin(), `/matters/${id}`)).body).toMatchObject({ id, status: 'published' });
  });
});
