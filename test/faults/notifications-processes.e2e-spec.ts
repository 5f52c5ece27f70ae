import { Client } from 'pg';
import { registerBody } from '../matters-e2e.fixtures';
import { startApiProcess, type ApiProcess } from '../support/api-process';
import { DedicatedCluster, describeWithDedicatedCluster } from '../support/dedicated-cluster';
import { eventually } from '../support/child-process';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(180_000);

/**
 * The outbox survives its processes: deliveries pending when the API is SIGKILLed go out after it
 * restarts, and when the process that dispatches dies another one takes over — every event
 * delivered in log order, duplicates only with the same webhook-id (at least once). Three API
 * processes hold a projection lock connection each per projection: on a cluster of the test's own,
 * so the machine's server keeps its connections for the suites running beside it.
 */
describeWithDedicatedCluster('notifications across process deaths', () => {
  let cluster: DedicatedCluster;
  let db: { url: string };
  let pg: Client;
  const apis: ApiProcess[] = [];
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    cluster = await DedicatedCluster.create();
    db = { url: await cluster.createDatabase('fault_notifications') };
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await receiver.start();
  });
  afterAll(async () => {
    for (const api of apis) api.cleanup();
    await pg?.end();
    await cluster?.destroy();
    await receiver.stop();
  });

  const start = async () => {
    const api = await startApiProcess(db.url, { WEBHOOK_RETRY_BASE_MS: '100' });
    apis.push(api);
    return api;
  };
  const post = async (api: ApiProcess, roles: string[], path: string, body: object) => {
    const response = await fetch(`${api.baseUrl}/api/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${api.token({ roles: roles as never, sub: 'fault-admin' })}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.status >= 300) throw new Error(`${path} → ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string; secret?: string; position: number };
  };
  const registerMatters = async (api: ApiProcess, n: number) => {
    for (let i = 0; i < n; i++) await post(api, ['catalog_admin'], '/matters', registerBody());
  };
  const pending = async () =>
    (await pg.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE status = 'pending'`)).rows[0].n;
  const expected = async (after: number) =>
    (
      await pg.query<{ id: string }>(
        `SELECT event_id::text AS id FROM es_events WHERE position > $1 AND type LIKE 'matter.%' ORDER BY transaction_id, position`,
        [after],
      )
    ).rows.map((row) => row.id);
  const leads = (api: ApiProcess) => api.lines().some((line) => line.includes('webhook dispatcher: running'));

  it('delivers the rest after a SIGKILL and a restart, and from another process when the dispatching one dies', async () => {
    const first = await start();
    const subscription = await post(first, ['admin'], '/subscriptions', { url: receiver.url, types: ['matter.*'] });
    receiver.useSecret(subscription.secret!);
    receiver.delayMs = 150;
    await registerMatters(first, 20);
    await eventually(() => receiver.distinct().length >= 3, 30_000, 'the first deliveries');
    first.process.kill('SIGKILL');
    await first.exited;
    const left = await pending();
    expect(left).toBeGreaterThan(0); // killed with deliveries pending

    const restarted = await start();
    const standby = await start();
    await eventually(() => receiver.distinct().length >= 20, 60_000, 'the deliveries left when it was killed');
    await registerMatters(restarted, 20);
    await eventually(async () => leads(restarted) || leads(standby), 30_000, 'a dispatcher leading');
    await eventually(() => receiver.distinct().length >= 25, 30_000, 'deliveries of the second batch');
    const leader = leads(restarted) ? restarted : standby;
    const other = leader === restarted ? standby : restarted;
    leader.process.kill('SIGKILL');
    await leader.exited;
    expect(await pending()).toBeGreaterThan(0);
    await eventually(() => receiver.distinct().length >= 40, 60_000, 'every delivery, from the other process');
    expect(leads(other)).toBe(true);

    expect(receiver.distinct().map((delivery) => delivery.event.id)).toEqual(await expected(subscription.position));
    expect(receiver.rejectedSignatures).toEqual([]);
    const eventOf = new Map(receiver.accepted.map((delivery) => [delivery.webhookId, delivery.event.id]));
    for (const delivery of receiver.accepted) expect(eventOf.get(delivery.webhookId)).toBe(delivery.event.id);
    expect(await pending()).toBe(0);
  });
});
