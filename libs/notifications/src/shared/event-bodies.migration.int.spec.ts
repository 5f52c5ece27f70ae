import type { QueryRunner } from 'typeorm';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import { pendingDeliveries } from '../delivery/delivery-queue';
import { WebhookEventBodies1765400000000 } from './event-bodies.migration';
import { DELIVERIES_TABLE, EVENT_BODIES_TABLE, SECRETS_TABLE, SUBSCRIPTIONS_TABLE } from './notification-tables';
import { Notifications1765100000000 } from './notifications.migration';

/** Two subscriptions with deliveries queued the old way, each with the body in its row: one event to both, one to the first. */
async function queueTheOldWay(db: TestSql): Promise<void> {
  for (const id of ['sub-a', 'sub-b']) {
    await db.sql.query(
      `INSERT INTO ${SUBSCRIPTIONS_TABLE} (subscription_id, url, types, department_id, status, created_at, version, position)
       VALUES ($1, 'http://127.0.0.1:9/hook', '["*"]', NULL, 'active', '2019-11-01T00:00:00Z', 1, 1)`,
      [id],
    );
    await db.sql.query(`INSERT INTO ${SECRETS_TABLE} (subscription_id, secret) VALUES ($1, 'whsec_c2VjcmV0')`, [id]);
  }
  const rows = [
    ['00000000-0000-4000-8000-00000000000a', 'sub-a', 'event-1', '{"id":"event-1"}'],
    ['00000000-0000-4000-8000-00000000000b', 'sub-b', 'event-1', '{"id":"event-1"}'],
    ['00000000-0000-4000-8000-00000000000c', 'sub-a', 'event-2', '{"id":"event-2"}'],
  ];
  for (const [delivery, subscription, event, body] of rows)
    await db.sql.query(
      `INSERT INTO ${DELIVERIES_TABLE} (delivery_id, subscription_id, event_id, event_type, position, body, status)
       VALUES ($1::uuid, $2, $3, 'application.accepted', 1, $4, 'pending')`,
      [delivery, subscription, event, body],
    );
}

describe.each(testBackends())('webhook event bodies migration on %s', (backend) => {
  let db: TestSql;
  const runner = () => ({ query: (text: string) => db.sql.query(text) }) as unknown as QueryRunner;

  beforeEach(async () => {
    db = await openTestSql(backend, 'webhook_bodies');
    await new Notifications1765100000000().up(runner());
    await queueTheOldWay(db);
  });
  afterEach(() => db.dispose());

  it('moves each queued body over once and the pending deliveries read it as before, in their order', async () => {
    await new WebhookEventBodies1765400000000().up(runner());
    expect(await db.sql.query(`SELECT event_id, body FROM ${EVENT_BODIES_TABLE} ORDER BY event_id`)).toEqual([
      { event_id: 'event-1', body: '{"id":"event-1"}' },
      { event_id: 'event-2', body: '{"id":"event-2"}' },
    ]);
    const columns = await db.sql.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = $1`,
      [DELIVERIES_TABLE],
    );
    expect(columns.map((row) => row.column_name)).not.toContain('body');
    expect((await pendingDeliveries(db.sql, 'sub-a', 10)).map((delivery) => delivery.body)).toEqual([
      '{"id":"event-1"}',
      '{"id":"event-2"}',
    ]);
    expect((await pendingDeliveries(db.sql, 'sub-b', 10)).map((delivery) => delivery.body)).toEqual(['{"id":"event-1"}']);
  });

  it('a delivery whose body row is missing still reads (body null: the dispatcher records the attempt failed instead of skipping it)', async () => {
    await new WebhookEventBodies1765400000000().up(runner());
    await db.sql.query(`DELETE FROM ${EVENT_BODIES_TABLE} WHERE event_id = 'event-2'`);
    expect((await pendingDeliveries(db.sql, 'sub-a', 10)).map((delivery) => delivery.body)).toEqual(['{"id":"event-1"}', null]);
  });

  it('down puts each body back in its deliveries', async () => {
    await new WebhookEventBodies1765400000000().up(runner());
    await new WebhookEventBodies1765400000000().down(runner());
    expect(await db.sql.query(`SELECT subscription_id, event_id, body FROM ${DELIVERIES_TABLE} ORDER BY seq`)).toEqual([
      { subscription_id: 'sub-a', event_id: 'event-1', body: '{"id":"event-1"}' },
      { subscription_id: 'sub-b', event_id: 'event-1', body: '{"id":"event-1"}' },
      { subscription_id: 'sub-a', event_id: 'event-2', body: '{"id":"event-2"}' },
    ]);
  });
});
