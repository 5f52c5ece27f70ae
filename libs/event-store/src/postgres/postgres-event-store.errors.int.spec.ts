import { randomUUID } from 'node:crypto';
import { newEvents, sleep } from '../contract/contract-fixtures';
import { EventStoreUnavailableError } from '../event-store.port';
import { PostgresSqlClient } from '../sql/postgres-sql-client';
import { describeOnPostgres, openTestSql } from '../testing/databases';
import { ensureEventStoreSchema } from './event-store.schema';
import { HeldTransaction } from './held-transaction';
import { PostgresEventStore } from './postgres-event-store';

describe('postgres: an unreachable server', () => {
  it('makes every call fail with EventStoreUnavailableError', async () => {
    const sql = new PostgresSqlClient({ connectionString: 'postgres://postgres@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
    const store = new PostgresEventStore(sql);
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.append('s', newEvents(1), { expectedVersion: 'any' })).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll({ limit: 1 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readStream('s')).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
      await sql.close();
    }
  });
});

describeOnPostgres('postgres: a connection terminated mid-append', () => {
  it('fails that append with EventStoreUnavailableError (57P01), and the next one works', async () => {
    const db = await openTestSql('postgres', 'es_errors');
    const held = await HeldTransaction.begin(db.url!);
    try {
      await ensureEventStoreSchema(db.sql);
      const store = new PostgresEventStore(db.sql);
      const stream = `terminated-${randomUUID()}`;
      await new PostgresEventStore(held).append(stream, newEvents(1), { expectedVersion: 'any' });
      const waiting = store.append(stream, newEvents(1), { expectedVersion: 'any' }).catch((e: unknown) => e);

      let pids: { pid: number }[] = [];
      for (let i = 0; i < 100 && pids.length === 0; i++, await sleep(20)) {
        pids = await db.sql.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
        );
      }
      expect(pids).toHaveLength(1);
      await db.sql.query('SELECT pg_terminate_backend($1)', [pids[0].pid]);

      expect(await waiting).toBeInstanceOf(EventStoreUnavailableError);
      await held.close();
      await expect(store.append(stream, newEvents(1), { expectedVersion: 'no_stream' })).resolves.toMatchObject({ version: 1 });
    } finally {
      await held.close();
      await db.dispose();
    }
  });
});
