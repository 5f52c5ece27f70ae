import { randomUUID } from 'node:crypto';
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
