import { PostgresSqlClient } from '@app/event-store';
import { createThrowawayDatabase, describeOnPostgres, type ThrowawayDatabase } from '@app/event-store/testing';
import { registerBody } from '../matters-e2e.fixtures';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { eventually, spawnTs, type Child } from '../support/child-process';
import { PROJECTION_LOCK_KEYS, projectionLocksHeld, reactionLocksHeld } from '../support/projection-locks';
import { TEST_JWT_SECRET } from '../support/test-app';

jest.setTimeout(120_000);

const API_NAME = 'serve-only-api';
const WORKER_NAME = 'projection-worker';

/**
 * The production split: API processes started with RUN_PROJECTIONS=false serve requests and take
 * no projection lock; `projections run` in a process of its own keeps the read models up to date,
 * and `?minPosition=` on the API follows its checkpoints. SIGTERM stops the worker cleanly.
 */
describeOnPostgres('a serve-only API beside a `projections run` worker', () => {
  let db: ThrowawayDatabase;
  let pg: PostgresSqlClient;
  let api: ApiProcess;
  let worker: Child | undefined;

  beforeAll(async () => {
    db = await createThrowawayDatabase('projection_worker');
    pg = new PostgresSqlClient({ connectionString: db.url, max: 1 });
    api = await startApiProcess(db.url, { PGAPPNAME: API_NAME, RUN_PROJECTIONS: 'false' });
  });

  afterAll(async () => {
    worker?.process.kill('SIGKILL');
    api?.cleanup();
    await pg?.close();
    await db?.drop();
  });

  const admin = () => `Bearer ${api.token({ roles: ['catalog_admin'], sub: 'worker-admin' })}`;
  const matterAt = (id: string, position: number) =>
    fetch(`${api.baseUrl}/api/v1/matters/${id}?minPosition=${position}`, { headers: { Authorization: admin() } });

  it('the API alone applies nothing; the worker brings the read models up to date; SIGTERM stops it, locks released', async () => {
    const registered = await fetch(`${api.baseUrl}/api/v1/matters`, {
      method: 'POST',
      headers: { Authorization: admin(), 'Content-Type': 'application/json' },
      body: JSON.stringify(registerBody()),
    });
    expect(registered.status).toBe(201);
    const { id, position } = (await registered.json()) as { id: string; position: number };
    expect((await matterAt(id, position)).status).toBe(503); // nobody applies: the bounded wait runs out
    expect(await projectionLocksHeld(pg)).toBe(0);
    expect(await reactionLocksHeld(pg)).toBe(0); // the policies (the 差评 → case reactor) run where the projections run

    worker = spawnTs('apps/api/src/cli/projections.cli.ts', ['run'], {
      DATABASE_URL: db.url,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      PGAPPNAME: WORKER_NAME,
      LOG_LEVEL: 'info',
    });
    await eventually(
      async () => (await projectionLocksHeld(pg, WORKER_NAME)) === PROJECTION_LOCK_KEYS.length,
      20_000,
      'the worker to hold every projection lock',
    );
    const read = await matterAt(id, position);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id, status: 'draft' });
    expect(await projectionLocksHeld(pg, API_NAME)).toBe(0);
    await eventually(async () => (await reactionLocksHeld(pg, WORKER_NAME)) === 1, 20_000, 'the worker to run the bad-review policy');

    worker.process.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(worker.output.stdout).toContain('stopped: batches in flight finished, locks released');
    const logged = worker.output.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { context?: string; msg?: string });
    expect(logged).toEqual(
      expect.arrayContaining([expect.objectContaining({ context: 'projections', msg: expect.stringContaining('running') })]),
    );
    expect(await projectionLocksHeld(pg)).toBe(0);
    expect(await reactionLocksHeld(pg)).toBe(0);
  });
});
