import request from 'supertest';
import { EVENT_STORE, ProjectionRunner, rebuildProjection, type EventStore } from '@app/event-store';
import { testBackends } from '@app/event-store/testing';
import { outboxProjection } from '@app/notifications';
import { admin, DEPT_A, DEPT_B, ID_NUMBER, NAME, on, publishedMatter, sqlOf, staff, submitBody } from './support/applications';
import { errorFields, expectNothingAppended, expectProblem } from './matters-e2e.fixtures';
import { counter } from './support/prometheus-text';
import { startTestApp, type TestApp } from './support/test-app';
import { WebhookReceiver } from './support/webhook-receiver';

/**
 * Notifications through the API with real receivers on 127.0.0.1: subscriptions and their
 * refusals, signed CloudEvents in log order, a department's subscription, a receiver that fails,
 * hangs and goes down, and `failed` deliveries retried by hand.
 */
jest.setTimeout(120_000);

const api = (t: TestApp, token: string) => ({
  post: (path: string, body: object = {}) => request(t.http).post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).send(body),
  get: (path: string, query: object = {}) => request(t.http).get(`/api/v1${path}`).query(query).set('Authorization', `Bearer ${token}`),
  delete: (path: string) => request(t.http).delete(`/api/v1${path}`).set('Authorization', `Bearer ${token}`),
});

async function until<T>(what: string, probe: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The events after `position` of these types, in the log's commit order: what a subscription must receive, in this order. */
async function expectedEvents(t: TestApp, after: number, prefix: string): Promise<{ id: string; type: string; stream: string }[]> {
  return sqlOf(t).query(
    `SELECT event_id::text AS id, type, stream_id AS stream FROM es_events WHERE position > $1 AND type LIKE $2 ORDER BY transaction_id, position`,
    [after, `${prefix}%`],
  );
}

/** Submits and accepts an application of `departmentId`'s matter: two events on its stream. */
async function acceptedApplication(t: TestApp, matterId: string, departmentId: string): Promise<string> {
  const clerk = api(t, staff(t, departmentId));
  const submitted = await clerk.post('/applications', submitBody(matterId)).expect(201);
  await clerk.post(`/applications/${submitted.body.id}/accept`, { at: on('2019-09-25') }).expect(200);
  return submitted.body.id;
}

async function subscribe(t: TestApp, receiver: WebhookReceiver, body: object): Promise<{ id: string; position: number }> {
  const response = await api(t, admin(t))
    .post('/subscriptions', { url: receiver.url, ...body })
    .expect(201);
  expect(response.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
  receiver.useSecret(response.body.secret);
  return response.body;
}

describe.each(testBackends())('notifications on %s', (backend) => {
  let t: TestApp;
  const everything = new WebhookReceiver();
  const health = new WebhookReceiver();
  let matterA: string;
  let matterB: string;

  beforeAll(async () => {
    t = await startTestApp(backend, { WEBHOOK_RETRY_BASE_MS: '50' });
    await everything.start();
    await health.start();
    matterA = await publishedMatter(t, { departmentId: DEPT_A });
    matterB = await publishedMatter(t, { departmentId: DEPT_B });
  });
  afterAll(async () => {
    await t.close();
    await everything.stop();
    await health.stop();
  });

  it('refuses what is not a subscription with problem+json and appends nothing', async () => {
    const send = (token: string, body: object) => expectNothingAppended(t, () => api(t, token).post('/subscriptions', body));
    expectProblem(await send(staff(t), { url: everything.url, types: ['*'] }), 403);
    for (const [body, field] of [
      [{ url: 'ftp://127.0.0.1/x', types: ['*'] }, 'url'],
      [{ url: 'not a url', types: ['*'] }, 'url'],
      [{ url: 'http://user:pw@127.0.0.1/x', types: ['*'] }, 'url'],
      [{ url: everything.url, types: [] }, 'types'],
      [{ url: everything.url, types: ['Application Accepted'] }, 'types'],
      [{ url: everything.url, types: ['application.*', 'application.*'] }, 'types'],
      [{ url: everything.url, types: ['*'], departmentId: ' ' }, 'departmentId'],
      [{ url: 'http://10.0.0.1/hooks', types: ['*'] }, 'url'], // not among WEBHOOK_ALLOWED_HOSTS (127.0.0.1 here)
      [{ url: 'http://169.254.169.254/latest', types: ['*'] }, 'url'],
    ] as const) {
      const response = await send(admin(t), body);
      expectProblem(response, 400);
      expect(errorFields(response)).toContain(field);
    }
    const { count } = (await sqlOf(t).query<{ count: number }>('SELECT count(*)::int AS count FROM webhook_secrets'))[0];
    expect(count).toBe(0); // no secret outlives a refused subscription
  });

  it('creates one subscription for ten concurrent requests under one Idempotency-Key, each answered with its secret', async () => {
    const body = { url: 'http://127.0.0.1:9/hooks', types: ['quality-issue.*'] };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        request(t.http)
          .post('/api/v1/subscriptions')
          .set({ Authorization: `Bearer ${admin(t)}`, 'Idempotency-Key': 'sub-once' })
          .send(body),
      ),
    );
    const created = answers.filter((answer) => answer.status === 201);
    expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(201));
    expect(new Set(created.map((answer) => `${answer.body.id} ${answer.body.secret}`)).size).toBe(1);
    const { id, secret } = created[0].body;
    const [stored] = await sqlOf(t).query<{ secret: string }>('SELECT secret FROM webhook_secrets WHERE subscription_id = $1', [id]);
    expect(stored.secret).toBe(secret);
    const [{ n }] = await sqlOf(t).query<{ n: number }>(`SELECT count(*)::int AS n FROM es_events WHERE type = 'subscription.created'`);
    expect(n).toBe(1);
    await api(t, admin(t)).delete(`/subscriptions/${id}`).expect(200);
  });

  it('delivers every matching event, signed, as CloudEvents in log order, without personal data; a department’s subscription gets its own', async () => {
    const all = await subscribe(t, everything, { types: ['application.*'] });
    const onlyB = await subscribe(t, health, { types: ['application.*', 'red-card.*'], departmentId: DEPT_B });
    const ids = [
      await acceptedApplication(t, matterA, DEPT_A),
      await acceptedApplication(t, matterB, DEPT_B),
      await acceptedApplication(t, matterA, DEPT_A),
      await acceptedApplication(t, matterB, DEPT_B),
    ];
    const expected = await expectedEvents(t, all.position, 'application.');
    expect(expected).toHaveLength(8);
    await until('every application event at the receiver', () => everything.distinct().length >= expected.length);
    const received = everything.distinct();
    expect(received.map((d) => [d.event.id, d.event.type, d.event.subject])).toEqual(expected.map((e) => [e.id, e.type, e.stream]));
    expect(everything.rejectedSignatures).toEqual([]);
    for (const delivery of received) {
      expect(delivery.contentType).toMatch(/^application\/cloudevents\+json/);
      expect(delivery.event).toMatchObject({ specversion: '1.0', source: expect.any(String), time: expect.stringMatching(/^2019-09-2/) });
      expect(delivery.body).not.toContain(ID_NUMBER);
      expect(delivery.body).not.toContain(NAME);
      expect(delivery.body).not.toContain('"sealed"');
    }
    const submitted = received.find((d) => d.event.type === 'application.submitted')!;
    expect(submitted.event.data.applicant).toEqual({ kind: 'person', nameMasked: expect.any(String), idNumberMasked: expect.any(String) });

    const ofB = expected.filter((e) => e.stream.endsWith(ids[1]) || e.stream.endsWith(ids[3]));
    await until('department B’s events at its receiver', () => health.distinct().length >= ofB.length);
    await new Promise((resolve) => setTimeout(resolve, 500)); // nothing more arrives
    expect(health.distinct().map((d) => d.event.id)).toEqual(ofB.map((e) => e.id));

    const log = await api(t, admin(t)).get(`/subscriptions/${onlyB.id}/deliveries`).expect(200);
    expect(log.body.map((d: { eventId: string }) => d.eventId)).toEqual(ofB.map((e) => e.id));
    expect(log.body[0]).toMatchObject({ status: 'delivered', attempts: 1, lastStatus: 204, nextAttemptAt: null });
    const listed = await api(t, admin(t)).get('/subscriptions').expect(200);
    expect(listed.body.items.find((s: { id: string }) => s.id === onlyB.id)).toMatchObject({
      departmentId: DEPT_B,
      deliveries: { pending: 0, delivered: ofB.length, failed: 0 },
    });
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
    // department B's events went to both subscriptions, their bodies are stored once
    const [stored] = await sqlOf(t).query<{ bodies: number; events: number; deliveries: number }>(
      `SELECT (SELECT count(*)::int FROM webhook_event_bodies) AS bodies, count(DISTINCT event_id)::int AS events, count(*)::int AS deliveries
         FROM webhook_deliveries`,
    );
    expect(stored.deliveries).toBeGreaterThan(stored.events);
    expect(stored.bodies).toBe(stored.events);
    const metrics = await request(t.http).get('/metrics').expect(200);
    expect(counter(metrics.text, 'webhook_deliveries', { status: 'delivered' })).toBeGreaterThanOrEqual(expected.length + ofB.length);
    expect(counter(metrics.text, 'webhook_oldest_pending_seconds', { subscription: all.id })).toBe(0);
  });

  it('gets a receiver that answers 500, hangs past the timeout and goes down everything, in order, once it is back', async () => {
    const before = everything.distinct().length;
    const [{ head }] = await sqlOf(t).query<{ head: string }>('SELECT max(position)::text AS head FROM es_events');
    everything.failNext = 3;
    const first = await acceptedApplication(t, matterA, DEPT_A);
    await until('three failed attempts', () => everything.requests >= before + 3 || undefined);
    everything.mode = 'hang';
    const healthBefore = health.distinct().length;
    const ofB = await acceptedApplication(t, matterB, DEPT_B);
    // the other subscription is not held up by the hanging receiver
    await until('B’s receiver, while the other hangs', () => health.distinct().length >= healthBefore + 2, 4_000);
    expect(
      health
        .distinct()
        .slice(healthBefore)
        .map((d) => d.event.subject),
    ).toEqual([`application-${ofB}`, `application-${ofB}`]);
    await new Promise((resolve) => setTimeout(resolve, 5_600)); // the hanging attempt times out (5 s)
    await everything.stop(); // down: connections refused
    await acceptedApplication(t, matterA, DEPT_A);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const pending = await api(t, admin(t))
      .get(`/subscriptions/${(await firstSubscription(t)).id}/deliveries`, { status: 'pending' })
      .expect(200);
    expect(pending.body[0]).toMatchObject({
      eventId: expect.any(String),
      status: 'pending',
      lastStatus: null,
      lastError: expect.any(String),
    });
    expect(pending.body[0].attempts).toBeGreaterThan(3);
    everything.mode = 'ok';
    await everything.start();
    const expected = await expectedEvents(t, Number(head), 'application.');
    expect(expected).toHaveLength(6);
    await until('the backlog at the receiver', () => everything.distinct().length >= before + expected.length);
    expect(
      everything
        .distinct()
        .slice(before)
        .map((d) => d.event.id),
    ).toEqual(expected.map((e) => e.id));
    expect(expected[0].stream).toContain(first);
    // duplicates only as at-least-once allows: one webhook-id is always one event
    const eventOf = new Map<string, string>();
    for (const d of everything.accepted)
      expect(eventOf.set(d.webhookId, eventOf.get(d.webhookId) ?? d.event.id).get(d.webhookId)).toBe(d.event.id);
  });

  it('sends a department’s subscription of notice.daily that department’s daily notice from the sweep', async () => {
    const notices = new WebhookReceiver();
    await notices.start();
    try {
      await subscribe(t, notices, { types: ['notice.daily'], departmentId: DEPT_A });
      const swept = await api(t, admin(t)).post('/supervision/sweeps', { date: '2019-09-26' }).expect(200);
      expect(swept.body.noticesSent).toBe(2); // A and B have applications open
      await until('A’s notice', () => notices.distinct().length >= 1);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(notices.distinct().map((d) => [d.event.type, d.event.data.departmentId, d.event.data.date])).toEqual([
        ['notice.daily', DEPT_A, '2019-09-26'],
      ]);
      expect(notices.distinct()[0].event.data.openApplications).toBeGreaterThan(0);
    } finally {
      await notices.stop();
    }
  });

  it('unsubscribes: nothing more is delivered, the secret is gone, and the subscription is 404', async () => {
    const { id } = await firstSubscription(t);
    const delivered = (await api(t, admin(t)).get(`/subscriptions/${id}/deliveries`, { status: 'delivered', pageSize: 1 }).expect(200))
      .body[0];
    expectProblem(await api(t, admin(t)).post(`/subscriptions/${id}/deliveries/${delivered.id}/retry`), 409);
    await api(t, admin(t)).delete(`/subscriptions/${id}`).expect(200);
    expectProblem(await api(t, admin(t)).get(`/subscriptions/${id}`), 404);
    expectProblem(await api(t, admin(t)).delete(`/subscriptions/${id}`), 409);
    const count = everything.accepted.length;
    await acceptedApplication(t, matterA, DEPT_A);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(everything.accepted.length).toBe(count);
    expect(await sqlOf(t).query('SELECT 1 FROM webhook_secrets WHERE subscription_id = $1', [id])).toEqual([]);
  });

  it('rebuilt from position 0, the outbox queues nothing again and keeps every delivery’s state', async () => {
    const deliveries = () =>
      sqlOf(t).query('SELECT delivery_id::text, subscription_id, status, attempts, seq::text FROM webhook_deliveries ORDER BY seq');
    const subscriptions = async () => (await api(t, admin(t)).get('/subscriptions').expect(200)).body.items;
    await until(
      'nothing pending',
      async () => (await sqlOf(t).query(`SELECT 1 FROM webhook_deliveries WHERE status = 'pending'`)).length === 0,
    );
    const [before, listed, received] = [await deliveries(), await subscriptions(), everything.accepted.length + health.accepted.length];
    await t.app.get(ProjectionRunner).stop();
    await rebuildProjection(t.app.get<EventStore>(EVENT_STORE), sqlOf(t), outboxProjection, { batchSize: 7 });
    expect(await deliveries()).toEqual(before);
    expect(await subscriptions()).toEqual(listed);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(everything.accepted.length + health.accepted.length).toBe(received);
  });
});

async function firstSubscription(t: TestApp): Promise<{ id: string }> {
  const listed = await api(t, admin(t)).get('/subscriptions').expect(200);
  return listed.body.items[0];
}

describe('notifications: a delivery past WEBHOOK_RETRY_HOURS is failed, and retried by hand', () => {
  let t: TestApp;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    t = await startTestApp('postgres', { WEBHOOK_RETRY_BASE_MS: '100', WEBHOOK_RETRY_HOURS: '0.0005' }); // 1.8 s
    await receiver.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  it('fails a delivery after its round, moves on to the next, and sends it again on request', async () => {
    const matter = await publishedMatter(t);
    const subscription = await subscribe(t, receiver, { types: ['application.submitted'] });
    receiver.mode = 'fail';
    const first = await api(t, staff(t)).post('/applications', submitBody(matter)).expect(201);
    const failed = await until('the delivery to fail', async () => {
      const log = await api(t, admin(t)).get(`/subscriptions/${subscription.id}/deliveries`, { status: 'failed' }).expect(200);
      return log.body[0];
    });
    expect(failed).toMatchObject({ status: 'failed', lastStatus: 500, lastError: 'HTTP 500', nextAttemptAt: null });
    expect(failed.attempts).toBeGreaterThanOrEqual(3);
    receiver.mode = 'ok';
    const second = await api(t, staff(t)).post('/applications', submitBody(matter)).expect(201);
    await until('the next event, past the failed one', () => receiver.distinct().length >= 1);
    expect(receiver.distinct().map((d) => d.event.subject)).toEqual([`application-${second.body.id}`]);

    const path = `/subscriptions/${subscription.id}/deliveries`;
    expectProblem(await api(t, staff(t)).post(`${path}/${failed.id}/retry`), 403);
    expectProblem(await api(t, admin(t)).post(`${path}/00000000-0000-4000-8000-000000000000/retry`), 404);
    expectProblem(await api(t, admin(t)).post(`${path}/not-a-uuid/retry`), 400);
    await api(t, admin(t)).post(`${path}/${failed.id}/retry`).expect(200);
    await until('the retried delivery', () => receiver.distinct().length >= 2);
    expect(receiver.distinct()[1].event.subject).toBe(`application-${first.body.id}`);
    const log = await api(t, admin(t)).get(path).expect(200);
    expect(log.body.map((d: { status: string }) => d.status)).toEqual(['delivered', 'delivered']);
  });
});
