import { randomUUID } from 'node:crypto';
import { freshStream, newEvent } from '../contract/contract-fixtures';
import { eventStoreContract } from '../contract/event-store.contract';
import { PostgresSqlClient } from '../sql/postgres-sql-client';
import { describeOnPostgres, openTestSql, testBackends, TestSql } from '../testing/databases';
import { ensureEventStoreSchema } from './event-store.schema';
import { PostgresEventStore } from './postgres-event-store';

for (const backend of testBackends()) {
  eventStoreContract(
    backend,
    async () => {
      const { sql, dispose } = await openTestSql(backend, 'es_contract');
      await ensureEventStoreSchema(sql);
      const store = new PostgresEventStore(sql);
      return {
        store,
        async dispose() {
          await store.close();
          await dispose();
        },
      };
    },
    // PGlite is one session: its appends never overlap, though the suite still issues them concurrently.
    { concurrentWriters: backend === 'postgres', uniqueIdsAcrossStreams: true, atomicNewStreams: true },
  );
}

for (const backend of testBackends()) {
  describe(`${backend}: appends wake their waiters at most every wakeEveryMs`, () => {
    const every = 2000;
    let db: TestSql;
    let store: PostgresEventStore;
    beforeAll(async () => {
      db = await openTestSql(backend, 'es_wake');
      await ensureEventStoreSchema(db.sql);
      store = new PostgresEventStore(db.sql, { wakeEveryMs: every });
    }, 30_000);
    afterAll(async () => {
      await store.close();
      await db.dispose();
    });

    /** when the wait ended, and whether it was an append that ended it (not its 10 s timeout) */
    const waited = () => {
      const started = performance.now();
      return store.waitForAppend(10_000).then(() => ({ at: performance.now(), woken: performance.now() - started < 9_000 }));
    };
    const append = () => store.append(freshStream('wake'), [newEvent()], { expectedVersion: 'no_stream' });

    it('wakes at once after a quiet spell; the appends within the next wakeEveryMs wake together at its end', async () => {
      const first = waited();
      await append();
      const firstWake = await first;
      expect(firstWake.woken).toBe(true);

      const second = waited();
      await append();
      await append();
      const secondWake = await second;
      expect(secondWake.woken).toBe(true);
      // not before the time was up (a timer never fires early); well before the waiter's own timeout
      expect(secondWake.at - firstWake.at).toBeGreaterThanOrEqual(every - 50);

      await new Promise((resolve) => setTimeout(resolve, every + 100)); // a quiet spell
      const third = waited();
      const appended = performance.now();
      await append();
      const thirdWake = await third;
      expect(thirdWake.woken).toBe(true);
      expect(thirdWake.at - appended).toBeLessThan(every - 100);
    }, 30_000);
  });
}

describeOnPostgres('postgres: schema and constraints', () => {
  let db: TestSql;
  beforeAll(async () => {
    db = await openTestSql('postgres', 'es_schema');
  }, 30_000);
  afterAll(() => db.dispose());

  it('creates the schema idempotently, also from several processes at once', async () => {
    const others = Array.from({ length: 4 }, () => new PostgresSqlClient({ connectionString: db.url, max: 1 }));
    try {
      await Promise.all([db.sql, ...others].map((sql) => ensureEventStoreSchema(sql)));
      await ensureEventStoreSchema(db.sql);
    } finally {
      await Promise.all(others.map((sql) => sql.close()));
    }
  });

  it('es_events rejects a duplicated event id and a duplicated stream version at the SQL level', async () => {
    const insert = `INSERT INTO es_events (event_id, stream_id, version, type, data, metadata) VALUES ($1, $2, $3, 't', '{}', '{}')`;
    const id = randomUUID();
    await db.sql.query(insert, [id, 's-1', 1]);
    await expect(db.sql.query(insert, [id, 's-2', 1])).rejects.toMatchObject({ code: '23505', constraint: 'es_events_event_id_key' });
    await expect(db.sql.query(insert, [id.toUpperCase(), 's-2', 1])).rejects.toMatchObject({ code: '23505' });
    await expect(db.sql.query(insert, [randomUUID(), 's-1', 1])).rejects.toMatchObject({
      code: '23505',
      constraint: 'es_events_stream_id_version_key',
    });
    const [{ count }] = await db.sql.query<{ count: string }>('SELECT count(*) FROM es_events');
    expect(count).toBe('1');
  });
});
