import { Client } from 'pg';
import request from 'supertest';
import { EVENT_STORE, type PostgresEventStore, STREAM_LOCK_CLASS } from '@app/event-store';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { describeOnPostgres } from '@app/event-store/testing';
import { registerBody } from '../matters-e2e.fixtures';
import { eventually } from '../support/child-process';
import { startTestApp, type TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const AT = '2019-06-01T09:00:00+08:00';
const STREAMS = 3;
const REQUESTS = 200;

interface Shot {
  matterId: string;
  kind: 'revise' | 'suspend' | 'resume';
  ifMatch?: number;
  status: number;
  version?: number;
  problemType?: string;
}

/**
 * 200 concurrent commands on 3 matters over HTTP — revisions, suspensions and resumptions, a
 * third of them conditional (If-Match) — while the database stalls their appends for a moment:
 * optimistic concurrency must refuse every stale decision (409, or 412 for If-Match) and never
 * lose one that it acknowledged.
 */
describeOnPostgres('a storm of conflicting writers on a few streams', () => {
  let t: TestApp;
  let admin: string;
  const shots: Shot[] = [];
  const matters: string[] = [];

  beforeAll(async () => {
    t = await startTestApp('postgres', { RATE_LIMIT_PER_MINUTE: '100000' });
    admin = `Bearer ${t.token({ roles: ['catalog_admin'], sub: 'storm-admin' })}`;
    for (let i = 0; i < STREAMS; i++) {
      const { body } = await request(t.http).post('/api/v1/matters').set('Authorization', admin).send(registerBody()).expect(201);
      await request(t.http)
        .post(`/api/v1/matters/${body.id}/publish`)
        .set('Authorization', admin)
        .send({ effectiveFrom: '2019-03-01', at: '2019-03-01T10:00:00+08:00' })
        .expect(200);
      matters.push(body.id);
    }
    // The database stalls the appends to these streams for a moment (the test holds their append
    // locks), so that many writers decide on the same version before the first one is written.
    const stall = new Client({ connectionString: t.config.DATABASE_URL, application_name: 'fault-test' });
    await stall.connect();
    await stall.query('BEGIN');
    for (const id of matters)
      await stall.query('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [STREAM_LOCK_CLASS, `matter-${id}`]);
    const storm = Promise.all(Array.from({ length: REQUESTS }, (_, n) => fire(n)));
    // each stream's first append waits in the database for its lock; the others pile up in the store, decided, for a statement
    const waiting = `SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%stream_lock%'`;
    const store = t.app.get<PostgresEventStore>(EVENT_STORE);
    const watch = new Client({ connectionString: t.config.DATABASE_URL, application_name: 'fault-test' }); // outside the stall's snapshot
    await watch.connect();
    try {
      await eventually(
        async () => (await watch.query(waiting)).rows.length === STREAMS && store.appendsWaiting >= 10,
        20_000,
        'appends piling up behind the stall',
      );
    } finally {
      await stall.query('ROLLBACK');
      await Promise.all([stall.end(), watch.end()]);
    }
    shots.push(...(await storm));
  });
  afterAll(() => t?.close());

  async function fire(n: number): Promise<Shot> {
    const matterId = matters[n % STREAMS];
    const kind = (['revise', 'revise', 'suspend', 'resume'] as const)[n % 4];
    const ifMatch = n % 3 === 0 ? 2 + ((n * 7) % 12) : undefined;
    const body =
      kind === 'revise' ? { name: `企业设立登记 revision ${n}`, effectiveFrom: '2019-06-01', at: AT } : { reason: `storm ${n}`, at: AT };
    const response = await request(t.http)
      .post(`/api/v1/matters/${matterId}/${kind === 'revise' ? 'revisions' : kind}`)
      .set({ Authorization: admin, ...(ifMatch !== undefined && { 'If-Match': `"${ifMatch}"` }) })
      .send(kind === 'resume' ? { at: AT } : body);
    return {
      matterId,
      kind,
      ifMatch,
      status: response.status,
      version: response.body.version,
      problemType: response.headers['content-type'],
    };
  }

  const events = (matterId: string) =>
    t.app
      .get<SqlClient>(SQL_CLIENT)
      .query<{ type: string; version: number; data: { version?: number } }>(
        'SELECT type, version::int AS version, data FROM es_events WHERE stream_id = $1 ORDER BY version',
        [`matter-${matterId}`],
      );

  it('never answers a 5xx: every refusal is a 409 problem, or a 412 for a stale If-Match', () => {
    const statuses = new Set(shots.map((shot) => shot.status));
    for (const status of statuses) expect([200, 409, 412]).toContain(status);
    for (const refused of shots.filter((shot) => shot.status !== 200)) expect(refused.problemType).toMatch(/^application\/problem\+json/);
    expect(shots.filter((shot) => shot.status === 412 && shot.ifMatch === undefined)).toEqual([]);
    expect(shots.filter((shot) => shot.status === 200).length).toBeGreaterThan(STREAMS);
    expect(shots.filter((shot) => shot.status === 409).length).toBeGreaterThan(0);
  });

  it('loses no acknowledged write: each stream holds one event per 200, at the versions the 200s answered', async () => {
    for (const matterId of matters) {
      const stored = await events(matterId);
      const accepted = shots.filter((shot) => shot.matterId === matterId && shot.status === 200);
      expect(stored.length).toBe(2 + accepted.length);
      expect(accepted.map((shot) => shot.version).sort((a, b) => a! - b!)).toEqual(stored.slice(2).map((event) => Number(event.version)));
    }
  });

  it('decided every accepted command on the state it was appended to (If-Match honoured, no stale decision)', async () => {
    for (const shot of shots.filter((s) => s.status === 200 && s.ifMatch !== undefined)) expect(shot.version).toBe(shot.ifMatch! + 1);
    for (const matterId of matters) {
      const stored = await events(matterId);
      const catalogueVersions = stored
        .filter((e) => e.type === 'matter.published' || e.type === 'matter.revised')
        .map((e) => e.data.version);
      expect(catalogueVersions).toEqual(catalogueVersions.map((_, index) => index + 1));
      const statusChanges = stored.filter((e) => e.type === 'matter.suspended' || e.type === 'matter.resumed').map((e) => e.type);
      statusChanges.forEach((type, index) => expect(type).toBe(index % 2 === 0 ? 'matter.suspended' : 'matter.resumed'));
    }
  });

  it('the read model ends at each stream’s last version', async () => {
    for (const matterId of matters) {
      const stored = await events(matterId);
      const [{ position }] = await t.app
        .get<SqlClient>(SQL_CLIENT)
        .query<{ position: string }>('SELECT max(position)::text AS position FROM es_events WHERE stream_id = $1', [`matter-${matterId}`]);
      const read = await request(t.http).get(`/api/v1/matters/${matterId}?minPosition=${position}`).set('Authorization', admin).expect(200);
      expect(read.body.version).toBe(stored.length);
    }
  });
});
