import request from 'supertest';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { registerBody } from '../matters-e2e.fixtures';
import { ID_NUMBER, NAME, submitBody } from '../support/applications';
import { BackendKiller } from '../support/backend-kill';
import { DedicatedCluster, describeWithDedicatedCluster } from '../support/dedicated-cluster';
import { startTestAppAt, within } from '../support/fault-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const DATABASE = 'fault_kill';

/**
 * The API's database connection terminated (`pg_terminate_backend`) while it appends — before
 * the commit and after it — and the client retries under the same Idempotency-Key: exactly one
 * set of events, whatever the first attempt left behind.
 */
describeWithDedicatedCluster('a backend connection killed mid-append', () => {
  let cluster: DedicatedCluster;
  let killer: BackendKiller;
  let t: TestApp;
  let admin: string;
  let clerk: string;

  beforeAll(async () => {
    cluster = await DedicatedCluster.create();
    await BackendKiller.prepare(cluster);
    t = await startTestAppAt(await cluster.createDatabase(DATABASE));
    killer = new BackendKiller(cluster, DATABASE);
    admin = `Bearer ${t.token({ roles: ['catalog_admin'], sub: 'kill-admin' })}`;
    clerk = `Bearer ${t.token({ roles: ['window_staff'], departmentId: 'dept-market', sub: 'kill-clerk' })}`;
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await cluster?.destroy();
  });

  afterEach(() => killer.releaseAppends());

  const events = (streamId: string) =>
    t.app
      .get<SqlClient>(SQL_CLIENT)
      .query<{ type: string; version: string }>(
        'SELECT type, version::text AS version FROM es_events WHERE stream_id = $1 ORDER BY es_events.version',
        [streamId],
      );

  async function publishedMatter(): Promise<string> {
    const { body } = await request(t.http).post('/api/v1/matters').set('Authorization', admin).send(registerBody()).expect(201);
    await request(t.http)
      .post(`/api/v1/matters/${body.id}/publish`)
      .set('Authorization', admin)
      .send({ effectiveFrom: '2019-03-01' })
      .expect(200);
    return body.id;
  }

  const revise = (matterId: string, key: string) =>
    request(t.http)
      .post(`/api/v1/matters/${matterId}/revisions`)
      .set({ Authorization: admin, 'Idempotency-Key': key })
      .send({ name: `企业设立登记 revised under ${key}`, effectiveFrom: '2019-06-01' });

  it('killed before its commit (waiting for the stream): 503, nothing written; the retry writes the revision once', async () => {
    const matterId = await publishedMatter();
    const lock = await killer.lockStream(`matter-${matterId}`);
    const first = within(revise(matterId, 'kill-before-commit-1'), 15_000);
    await killer.killAppend('lock');
    await lock.release();
    expect(await first).toMatchObject({ status: 503, type: expect.stringMatching(/^application\/problem\+json/) });
    expect((await events(`matter-${matterId}`)).map((e) => e.type)).toEqual(['matter.registered', 'matter.published']);

    const retry = await revise(matterId, 'kill-before-commit-1').expect(200);
    expect(retry.body).toMatchObject({ id: matterId, version: 3 });
    await revise(matterId, 'kill-before-commit-1').expect(200);
    expect((await events(`matter-${matterId}`)).map((e) => e.type)).toEqual(['matter.registered', 'matter.published', 'matter.revised']);
  });

  it('killed after its commit (the answer lost): 503, yet written; the retry answers that write and adds nothing', async () => {
    const matterId = await publishedMatter();
    await killer.holdAppendsAfterCommit();
    const first = within(revise(matterId, 'kill-after-commit-1'), 15_000);
    await killer.killAppend('standby');
    expect(await first).toMatchObject({ status: 503, type: expect.stringMatching(/^application\/problem\+json/) });
    await killer.releaseAppends();
    expect((await events(`matter-${matterId}`)).map((e) => e.type)).toEqual(['matter.registered', 'matter.published', 'matter.revised']);

    const retry = await revise(matterId, 'kill-after-commit-1').expect(200);
    expect(retry.body).toMatchObject({ id: matterId, version: 3 });
    expect((await events(`matter-${matterId}`)).map((e) => e.type)).toEqual(['matter.registered', 'matter.published', 'matter.revised']);
  });

  it('a submission killed after its commit: the retry answers the same application, recorded once, its applicant still readable', async () => {
    const matterId = await publishedMatter();
    const submit = () =>
      request(t.http)
        .post('/api/v1/applications')
        .set({ Authorization: clerk, 'Idempotency-Key': 'kill-submit-0001' })
        .send(submitBody(matterId));
    await killer.holdAppendsAfterCommit();
    const first = within(submit(), 15_000);
    await killer.killAppend('standby');
    expect(await first).toMatchObject({ status: 503 });
    await killer.releaseAppends();

    const retry = await submit().expect(201);
    expect(retry.body.version).toBe(1);
    expect((await events(`application-${retry.body.id}`)).map((e) => e.type)).toEqual(['application.submitted']);
    const [{ n }] = await t.app
      .get<SqlClient>(SQL_CLIENT)
      .query<{ n: number }>(`SELECT count(*)::int AS n FROM es_events WHERE type = 'application.submitted'`);
    expect(n).toBe(1);
    const applicant = await request(t.http).get(`/api/v1/applications/${retry.body.id}/applicant`).set('Authorization', clerk);
    expect({ status: applicant.status, body: applicant.body }).toMatchObject({ status: 200, body: { name: NAME, idNumber: ID_NUMBER } });
  });
});
