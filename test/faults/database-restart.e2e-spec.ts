import request from 'supertest';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { auditAcks } from '../support/acknowledged-commands';
import { CommandStream } from '../support/command-stream';
import { DedicatedCluster, describeWithDedicatedCluster } from '../support/dedicated-cluster';
import { startTestAppAt, within } from '../support/fault-app';
import type { TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL stopped and started again (a dedicated cluster, fast shutdown) while clients keep
 * issuing commands: nothing acknowledged is lost, nothing is written twice, the API answers 503
 * problem+json (never a 500 or a hang) while the database is down, and it recovers by itself.
 */
describeWithDedicatedCluster('the database restarted in the middle of a stream of commands', () => {
  let cluster: DedicatedCluster;
  let t: TestApp;
  const down = { commands: [] as unknown[], health: [] as unknown[], reads: [] as unknown[] };
  let stream: CommandStream;

  beforeAll(async () => {
    cluster = await DedicatedCluster.create();
    t = await startTestAppAt(await cluster.createDatabase('fault_restart'));
    stream = new CommandStream(t);
    const admin = `Bearer ${t.token({ roles: ['admin'] })}`;

    stream.start(6);
    await waitFor(() => stream.acks.length >= 20 || stream.unexpected.length > 0, 20_000);
    await cluster.stop('fast');
    const probes = Date.now() + 2_000;
    while (Date.now() < probes) {
      const [command, health, read] = await Promise.all([
        within(
          request(t.http).post('/api/v1/matters/00000000-0000-4000-8000-000000000000/resume').set('Authorization', admin).send({}),
          5_000,
        ),
        within(request(t.http).get('/health'), 5_000),
        within(request(t.http).get('/api/v1/matters').set('Authorization', admin), 5_000),
      ]);
      down.commands.push(command);
      down.health.push(health);
      down.reads.push(read);
      await sleep(200);
    }
    await cluster.start();
    const after = stream.acks.length;
    await waitFor(() => stream.acks.length >= after + 20 || stream.unexpected.length > 0, 30_000); // an unexpected answer ends a client
    await stream.stop();
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await cluster?.destroy();
  });

  it('while it is down, commands and reads answer 503 problem+json and /health answers 503 naming the event store', () => {
    expect(down.commands.length).toBeGreaterThanOrEqual(3);
    for (const answer of [...down.commands, ...down.reads])
      expect(answer).toMatchObject({ status: 503, type: expect.stringMatching(/^application\/problem\+json/) });
    for (const answer of down.health)
      expect(answer).toMatchObject({
        status: 503,
        type: expect.stringMatching(/^application\/problem\+json/),
        body: { status: 503, detail: expect.stringContaining('eventStore'), checks: { eventStore: { status: 'down' } } },
      });
  });

  it('the clients saw only 2xx and 503 answers (no 500, no hang), and some 503s', () => {
    expect(stream.unexpected).toEqual([]);
    expect(stream.unavailableAnswers).toBeGreaterThan(0);
    expect([...stream.statuses.keys()].sort()).toEqual(expect.arrayContaining(['503']));
    for (const status of stream.statuses.keys()) expect(['200', '201', '503']).toContain(status);
  });

  it('every acknowledged command is in the event store, at the version and position it answered, and none twice', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    const rows = await sql.query<{ stream_id: string; version: string; position: string; type: string }>(
      'SELECT stream_id, version::text AS version, position::text AS position, type FROM es_events ORDER BY es_events.position',
    );
    const { missing, streamsOff } = auditAcks(stream.acks, rows);
    expect(missing).toEqual([]);
    expect(streamsOff).toEqual([]);

    const typesPerStream = new Map<string, string[]>();
    for (const row of rows) typesPerStream.set(row.stream_id, [...(typesPerStream.get(row.stream_id) ?? []), row.type]);
    for (const [streamId, types] of typesPerStream) {
      expect({ streamId, types: new Set(types).size }).toEqual({ streamId, types: types.length }); // no event type twice in a stream
    }
  });

  it('recovers without a restart of the API: /health 200, commands succeed, the read models show the writes made after the restart', async () => {
    await waitFor(async () => (await request(t.http).get('/health')).status === 200, 10_000);
    const last = stream.acks.filter((ack) => ack.streamId.startsWith('application-')).at(-1)!;
    const admin = `Bearer ${t.token({ roles: ['admin'] })}`;
    const read = await request(t.http)
      .get(`/api/v1/applications/${last.streamId.slice('application-'.length)}?minPosition=${last.position}`)
      .set('Authorization', admin);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ status: 'submitted', version: last.version });
    const newest = Math.max(...stream.acks.map((ack) => ack.position));
    const list = await request(t.http).get(`/api/v1/matters?minPosition=${newest}&pageSize=1`).set('Authorization', admin);
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(stream.acks.filter((ack) => ack.streamId.startsWith('matter-') && ack.version === 1).length);
  });
});

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}
