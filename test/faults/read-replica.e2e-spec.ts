import request from 'supertest';
import { Client } from 'pg';
import { registerBody } from '../matters-e2e.fixtures';
import { DedicatedCluster, describeWithDedicatedCluster } from '../support/dedicated-cluster';
import { startTestAppAt } from '../support/fault-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const APPLY_DELAY_MS = 1500;

/**
 * READ_DATABASE_URL: the read models' queries go to a streaming replica that replays every commit
 * 1.5 s late (recovery_min_apply_delay), the commands and projections stay on the primary. An
 * entity's GET and `?minPosition=` still show the caller's own write (they wait for the replica's
 * checkpoints); a list without either shows what the replica has; the lag is in /metrics and
 * /health; a replica that goes away fails the reads with 503 while commands go on.
 */
describeWithDedicatedCluster('reads from a streaming replica that lags (READ_DATABASE_URL)', () => {
  let primary: DedicatedCluster;
  let replica: DedicatedCluster;
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    primary = await DedicatedCluster.create();
    const url = await primary.createDatabase('replica_reads');
    replica = await DedicatedCluster.replicaOf(primary, { applyDelayMs: APPLY_DELAY_MS });
    t = await startTestAppAt(url, { READ_DATABASE_URL: replica.url('replica_reads') });
    admin = `Bearer ${t.token({ roles: ['admin'] })}`;
    // the projections create their tables on the primary as they start: until the replica has them, lists answer 503
    const deadline = Date.now() + 20_000;
    let list = await request(t.http).get('/api/v1/matters').set('Authorization', admin);
    while (list.status === 503 && Date.now() < deadline) {
      expect(list.body.detail).toMatch(/read replica has not replayed this read model yet/);
      await new Promise((resolve) => setTimeout(resolve, 200));
      list = await request(t.http).get('/api/v1/matters').set('Authorization', admin);
    }
    expect(list.status).toBe(200);
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await replica?.destroy();
    await primary?.destroy();
  });

  const register = async () => {
    const answer = await request(t.http).post('/api/v1/matters').set('Authorization', admin).send(registerBody());
    expect(answer.status).toBe(201);
    return answer.body as { id: string; position: number; version: number };
  };

  it('the replica lags, and an entity’s GET right after the write still answers it (it waited for the replica)', async () => {
    const matter = await register();
    const onReplica = await rowsOnReplica(replica, matter.id);
    expect(onReplica).toBe(0); // not replayed yet: a GET that did not wait would answer 404
    const started = Date.now();
    const read = await request(t.http).get(`/api/v1/matters/${matter.id}`).set('Authorization', admin);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: matter.id, status: 'draft', version: matter.version });
    expect(Date.now() - started).toBeGreaterThan(APPLY_DELAY_MS / 3);
  });

  it('a list reads the replica: without ?minPosition= it lacks the newest write, with it it has it', async () => {
    const matter = await register();
    const now = await request(t.http).get('/api/v1/matters?pageSize=100').set('Authorization', admin);
    expect(now.status).toBe(200);
    expect(now.body.items.map((item: { id: string }) => item.id)).not.toContain(matter.id);
    const waited = await request(t.http).get(`/api/v1/matters?pageSize=100&minPosition=${matter.position}`).set('Authorization', admin);
    expect(waited.status).toBe(200);
    expect(waited.body.items.map((item: { id: string }) => item.id)).toContain(matter.id);
  });

  it('/metrics gives the replica’s lag in seconds and bytes, /health a readReplica check with it', async () => {
    await register();
    const metrics = (await request(t.http).get('/metrics')).text;
    const sample = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(metrics)?.[1]);
    expect(sample('read_replica_lag_seconds')).toBeGreaterThanOrEqual(0);
    expect(sample('read_replica_lag_bytes')).toBeGreaterThan(0); // the write is not replayed yet
    const health = await request(t.http).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.details.readReplica).toMatchObject({ status: 'up', lagSeconds: expect.any(Number), lagBytes: expect.any(Number) });
  });

  it('with the replica down, reads answer 503 problem+json and /health names it; commands still succeed; reads come back with it', async () => {
    await replica.stop('fast');
    try {
      const list = await request(t.http).get('/api/v1/matters').set('Authorization', admin);
      expect(list.status).toBe(503);
      expect(list.type).toBe('application/problem+json');
      expect(list.headers['retry-after']).toBe('1');
      await register();
      const health = await request(t.http).get('/health');
      expect(health.status).toBe(503);
      expect(health.body.checks).toMatchObject({
        readReplica: { status: 'down' },
        eventStore: { status: 'up' },
        readModels: { status: 'up' },
      });
    } finally {
      await replica.start();
    }
    const matter = await register();
    const read = await request(t.http).get(`/api/v1/matters/${matter.id}`).set('Authorization', admin);
    expect(read.status).toBe(200);
  });
});

async function rowsOnReplica(replica: DedicatedCluster, id: string): Promise<number> {
  const client = new Client({ connectionString: replica.url('replica_reads') });
  await client.connect();
  try {
    const found = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM rm_matters_v1 WHERE matter_id = $1', [id]);
    return found.rows[0].count;
  } finally {
    await client.end();
  }
}
