import request from 'supertest';
import { PostgresSqlClient } from '@app/event-store';
import { AutoFailoverFormation, describeWithAutoFailover } from '../support/auto-failover';
import { eventually, spawnTs, type Child } from '../support/child-process';
import { auditAcks } from '../support/acknowledged-commands';
import { CommandStream } from '../support/command-stream';
import { startTestAppAt } from '../support/fault-app';
import { TEST_JWT_SECRET, type TestApp } from '../support/test-app';

jest.setTimeout(240_000);

/**
 * The primary's machine lost under a stream of commands, on a real pg_auto_failover formation (a
 * monitor, a primary and its synchronous secondary): a serve-only API and a `projections run`
 * worker both connect with the formation's multi-host URL (`target_session_attrs=read-write`).
 * While the monitor promotes the secondary, commands answer 503 (never 500, never a hang); after
 * it, every acknowledged command is in the store exactly once, the projections go on from their
 * checkpoints on the new primary, and the audit chain verifies.
 */
describeWithAutoFailover('the PostgreSQL primary lost under load, failed over by pg_auto_failover', () => {
  let formation: AutoFailoverFormation;
  let t: TestApp;
  let worker: Child;
  let stream: CommandStream;
  let lostPrimary: string;
  let acksBeforeLoss = 0;

  beforeAll(async () => {
    formation = await AutoFailoverFormation.create();
    const setup = new PostgresSqlClient({ connectionString: formation.url(), max: 1 });
    await setup.query('CREATE DATABASE failover');
    await setup.close();
    const url = formation.url('failover');
    t = await startTestAppAt(url, { RUN_PROJECTIONS: 'false' });
    worker = spawnTs('apps/api/src/cli/projections.cli.ts', ['run'], {
      DATABASE_URL: url,
      AUTH_JWT_SECRET: TEST_JWT_SECRET,
      LOG_LEVEL: 'warn',
    });

    stream = new CommandStream(t, 60_000);
    stream.start(6);
    await eventually(() => stream.acks.length >= 30 || stream.unexpected.length > 0, 30_000, 'commands before the loss');
    // the worker is up and applying before the loss: afterwards it must go on from its checkpoints
    await eventually(async () => (await readAt(stream.acks[29].position)).status === 200, 60_000, 'the worker to apply the first commands');
    lostPrimary = await formation.primary();
    acksBeforeLoss = stream.acks.length;
    await formation.kill(lostPrimary);
    await formation.waitFor(
      (states) => states.some((s) => s.name !== lostPrimary && ['wait_primary', 'primary'].includes(s.reported)),
      60_000,
    );
    const afterPromotion = stream.acks.length;
    await eventually(
      () => stream.acks.length >= afterPromotion + 30 || stream.unexpected.length > 0,
      30_000,
      'commands on the new primary',
    );
    await stream.stop();
  });

  const readAt = (position: number) =>
    request(t.http)
      .get(`/api/v1/matters?minPosition=${position}&pageSize=1`)
      .set('Authorization', `Bearer ${t.token({ roles: ['admin'] })}`);

  afterAll(async () => {
    worker?.process.kill('SIGKILL');
    await t?.close().catch(() => undefined);
    await formation?.destroy();
  });

  it('clients saw only 2xx and 503 problem+json while the secondary was promoted: no 500, no hang, and some 503s', () => {
    expect(stream.unexpected).toEqual([]);
    expect(stream.unavailableAnswers).toBeGreaterThan(0);
    for (const status of stream.statuses.keys()) expect(['200', '201', '503']).toContain(status);
    expect(stream.acks.length).toBeGreaterThan(acksBeforeLoss);
  });

  it('every acknowledged command is in the new primary’s store once, at the version and position it answered', async () => {
    const sql = new PostgresSqlClient({ connectionString: formation.url('failover'), max: 1 });
    try {
      const rows = await sql.query<{ stream_id: string; version: string; position: string }>(
        'SELECT stream_id, version::text AS version, position::text AS position FROM es_events',
      );
      const { missing, streamsOff } = auditAcks(stream.acks, rows);
      expect(missing).toEqual([]);
      expect(streamsOff).toEqual([]);
      expect(await sql.query('SELECT 1 FROM pg_stat_replication')).toEqual([]); // the survivor serves alone now
    } finally {
      await sql.close();
    }
  });

  it('the worker goes on from its checkpoints on the new primary: the read models show the last writes, the audit chain verifies', async () => {
    const admin = `Bearer ${t.token({ roles: ['admin'] })}`;
    const newest = Math.max(...stream.acks.map((ack) => ack.position));
    let matters = await readAt(newest);
    // up to 90 s: on a loaded machine each projection's retry back-off (up to 10 s) after the outage comes first
    for (let round = 0; matters.status === 503 && round < 18; round++) matters = await readAt(newest);
    const output = `${worker.output.stderr.slice(-1000)}${worker.output.stdout.slice(-2000)}`;
    // the worker's last output in the failure itself (an asymmetric matcher would hide it from the diff)
    if (matters.status !== 200)
      throw new Error(`GET /matters?minPosition=${newest} still answers ${matters.status}; the worker's last output:\n${output}`);
    expect(matters.body.total).toBe(stream.acks.filter((ack) => ack.streamId.startsWith('matter-') && ack.version === 1).length);
    const last = stream.acks.filter((ack) => ack.streamId.startsWith('application-')).at(-1)!;
    const application = await request(t.http)
      .get(`/api/v1/applications/${last.streamId.slice('application-'.length)}`)
      .set('Authorization', admin);
    expect(application.status).toBe(200);
    expect(application.body).toMatchObject({ status: 'submitted', version: last.version });
    const verified = await request(t.http).get(`/api/v1/audit-log/verify?minPosition=${newest}`).set('Authorization', admin);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true });
    expect(worker.process.exitCode).toBeNull(); // it rode the failover out, no restart
  });
});
