import { Client } from 'pg';
import request from 'supertest';
import { AuditTrail } from '@app/audit';
import { describeOnPostgres, testBackends } from '@app/event-store/testing';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { bearer, createMatter, headPosition, readCaughtUp } from './support/quality-fixtures';
import { startTestApp, TestApp } from './support/test-app';

const TABLE = 'audit_log_v1';

describe.each(testBackends())('the audit trail on %s', (backend) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = bearer(t, ['admin'], { sub: 'root' });
  });
  afterAll(() => t.close());

  it('records every accepted command and every recorded read in one chain', async () => {
    const inspector = bearer(t, ['inspector'], { sub: 'insp-7' });
    const matterId = await createMatter(t);
    const { body } = await request(t.http)
      .post('/api/v1/quality-issues')
      .set('Authorization', inspector)
      .send({ matterId, category: 'other', description: 'audited' })
      .expect(201);
    await request(t.http)
      .post('/api/v1/quality-issues/00000000-0000-4000-8000-000000000000/assign')
      .set('Authorization', inspector)
      .send({})
      .expect(404);
    await readCaughtUp(t, '/api/v1/audit-log', admin);
    const read = await t.app.get(AuditTrail).recordRead({
      actor: 'clerk-1',
      roles: ['window_staff'],
      what: 'application.applicant',
      streamId: 'application-123',
    });
    const log = (await readCaughtUp(t, '/api/v1/audit-log?pageSize=200', admin)).body;
    expect(log.items.map((e: { seq: number }) => e.seq)).toEqual(log.items.map((_: unknown, i: number) => i + 1));
    const issueEntry = log.items.find((e: { streamId: string }) => e.streamId === `quality-issue-${body.id}`);
    expect(issueEntry).toMatchObject({
      actor: 'insp-7',
      roles: ['inspector'],
      position: body.position,
      command: { name: 'quality-issue.log' },
    });
    expect(log.items.filter((e: { command: { name: string } }) => e.command.name === 'quality-issue.assign')).toEqual([]);
    expect(log.items.at(-1)).toMatchObject({
      seq: read.seq,
      hash: read.hash,
      actor: 'clerk-1',
      position: null,
      command: { name: 'read', what: 'application.applicant' },
    });
    const byActor = (await readCaughtUp(t, '/api/v1/audit-log?actor=insp-7', admin)).body;
    expect(byActor.items).toHaveLength(1);
    const verify = (await readCaughtUp(t, '/api/v1/audit-log/verify', admin)).body;
    expect(verify).toEqual({ valid: true, entries: log.total, head: log.items.at(-1).hash, headSeq: log.total });
  });

  it('is for admins only', async () => {
    await readCaughtUp(t, '/api/v1/audit-log', bearer(t, ['assessor']), 403);
    await readCaughtUp(t, '/api/v1/audit-log/verify', bearer(t, ['inspector']), 403);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the table', async () => {
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    await expect(sql.query(`UPDATE ${TABLE} SET actor = 'mallory' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`DELETE FROM ${TABLE} WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(sql.query(`TRUNCATE ${TABLE}`)).rejects.toThrow(/append-only/);
    expect((await readCaughtUp(t, '/api/v1/audit-log/verify', admin)).body.valid).toBe(true);
  });
});

describeOnPostgres('the audit chain under load and tampering (PostgreSQL)', () => {
  let t: TestApp;
  let admin: string;
  let superuser: Client;

  beforeAll(async () => {
    t = await startTestApp('postgres', { RATE_LIMIT_PER_MINUTE: '1000000' });
    admin = bearer(t, ['admin'], { sub: 'root' });
    superuser = new Client({ connectionString: t.config.DATABASE_URL });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser.end();
    await t.close();
  });

  const verify = async () => (await readCaughtUp(t, '/api/v1/audit-log/verify', admin)).body;
  /** What an attacker with superuser rights does: switch the trigger off, change the table, switch it on. */
  const tamper = async (statement: string) => {
    await superuser.query(`ALTER TABLE ${TABLE} DISABLE TRIGGER ${TABLE}_append_only`);
    await superuser.query(statement);
    await superuser.query(`ALTER TABLE ${TABLE} ENABLE TRIGGER ${TABLE}_append_only`);
  };

  it('stays valid after 1,000 concurrent commands (and reads) at concurrency 20', async () => {
    const matters = await Promise.all([createMatter(t), createMatter(t, { departmentId: 'dept-b' })]);
    const inspector = bearer(t, ['inspector'], { sub: 'load-inspector' });
    const trail = t.app.get(AuditTrail);
    let next = 0;
    const worker = async () => {
      for (let i = next++; i < 1000; i = next++) {
        await request(t.http)
          .post('/api/v1/quality-issues')
          .set('Authorization', inspector)
          .send({ matterId: matters[i % 2], category: 'other', description: `load ${i}` })
          .expect(201);
        if (i % 100 === 0)
          await trail.recordRead({ actor: 'clerk', roles: ['window_staff'], what: 'application.applicant', streamId: null });
      }
    };
    await Promise.all(Array.from({ length: 20 }, worker));
    const result = await verify();
    expect(result).toMatchObject({ valid: true });
    const [{ logged, reads, total }] = (
      await superuser.query(
        `SELECT count(*) FILTER (WHERE command->>'name' = 'quality-issue.log')::int AS logged,
                count(*) FILTER (WHERE command->>'name' = 'read')::int AS reads, count(*)::int AS total FROM ${TABLE}`,
      )
    ).rows;
    expect({ logged, reads }).toEqual({ logged: 1000, reads: 10 });
    expect(result.entries).toBe(total);
    const [{ streams }] = (
      await superuser.query(`SELECT count(DISTINCT stream_id)::int AS streams FROM es_events WHERE stream_id LIKE 'quality-issue-%'`)
    ).rows;
    expect(streams).toBe(1000);
    expect(await headPosition(t)).toBeGreaterThan(1000);
  }, 60_000);

  it('names the first bad seq when a row is altered directly with the trigger disabled, and when one is deleted', async () => {
    const [original] = (await superuser.query(`SELECT actor FROM ${TABLE} WHERE seq = 500`)).rows;
    await tamper(`UPDATE ${TABLE} SET actor = 'mallory' WHERE seq = 500`);
    expect(await verify()).toMatchObject({
      valid: false,
      firstBadSeq: 500,
      reason: 'hash_mismatch',
      entries: 499,
      headSeq: 499,
      firstBadEntry: { seq: 500, actor: 'mallory' },
    });

    await tamper(`UPDATE ${TABLE} SET actor = '${original.actor}' WHERE seq = 500`);
    expect((await verify()).valid).toBe(true);

    await tamper(`DELETE FROM ${TABLE} WHERE seq = 700`);
    expect(await verify()).toMatchObject({ valid: false, firstBadSeq: 700, reason: 'missing_entry', firstBadEntry: { seq: 701 } });

    await expect(superuser.query(`DELETE FROM ${TABLE} WHERE seq = 701`)).rejects.toThrow(/append-only/);
  });
});
