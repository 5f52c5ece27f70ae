import { freshStream, newEvent, newEvents } from '../contract/contract-fixtures';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../event-store.port';
import type { QueryOptions, SqlClient } from '../sql/sql-client';
import { describeOnPostgres, openTestSql, testBackends, TestSql } from '../testing/databases';
import { ensureEventStoreSchema, STREAM_LOCK_CLASS } from './event-store.schema';
import { APPEND_GROUP_SQL, STORED_EVENTS_SQL } from './event-store.sql';
import { HeldTransaction } from './held-transaction';
import { PostgresEventStore } from './postgres-event-store';

/** The client, counting the append statements and the refusals explained (each reads the stored ids). */
function counting(sql: SqlClient): SqlClient & { statements: number; refusals: number } {
  const counted = Object.create(sql) as SqlClient & { statements: number; refusals: number };
  counted.statements = 0;
  counted.refusals = 0;
  counted.query = <Row>(text: string, params?: readonly unknown[], options?: QueryOptions) => {
    if (text === APPEND_GROUP_SQL) counted.statements++;
    if (text === STORED_EVENTS_SQL) counted.refusals++;
    return sql.query<Row>(text, params, options);
  };
  return counted;
}

/**
 * Group commit, with one statement in flight at a time: the appends issued while the first is
 * written go together in the next statement. Which appends shared a statement shows in the
 * stored events' transaction ids.
 */
for (const backend of testBackends()) {
  describe(`${backend}: concurrent appends are written in groups, each keeping its own outcome`, () => {
    let db: TestSql;
    let sql: ReturnType<typeof counting>;
    let store: PostgresEventStore;
    beforeAll(async () => {
      db = await openTestSql(backend, 'es_groups');
      await ensureEventStoreSchema(db.sql);
      sql = counting(db.sql);
      store = new PostgresEventStore(sql, { appendConcurrency: 1 });
    }, 30_000);
    afterAll(async () => {
      await store.close();
      await db.dispose();
    });

    const transactionOf = async (streamId: string): Promise<string[]> =>
      (
        await db.sql.query<{ txid: string }>('SELECT transaction_id::text AS txid FROM es_events WHERE stream_id = $1 ORDER BY version', [
          streamId,
        ])
      ).map((row) => row.txid);
    /** an append that takes the one statement slot, so the next ones wait and group */
    const opener = () => store.append(freshStream('opener'), [newEvent()], { expectedVersion: 'no_stream' });

    it('appends that arrive while a statement is in flight commit together in the next, each at its own version', async () => {
      const streams = Array.from({ length: 20 }, () => freshStream('group'));
      const first = opener();
      const results = await Promise.all(streams.map((streamId) => store.append(streamId, newEvents(2), { expectedVersion: 'no_stream' })));
      await first;
      expect(results.map((r) => r.version)).toEqual(streams.map(() => 2));
      const transactions = await Promise.all(streams.map(transactionOf));
      expect(new Set(transactions.flat()).size).toBe(1); // all twenty in one statement
      const positions = results.map((r) => r.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b)); // in the order they were asked
      const more = await Promise.all(streams.map((streamId) => store.append(streamId, [newEvent()], { expectedVersion: 2 })));
      expect(more.map((r) => r.version)).toEqual(streams.map(() => 3));
    });

    it('a refused append writes nothing of its own, while the others of its group commit', async () => {
      const behind = freshStream('behind');
      const taken = newEvent();
      await store.append(behind, [taken], { expectedVersion: 'no_stream' });
      const [ok1, ok2] = [freshStream('ok'), freshStream('ok')];
      const first = opener();
      const outcomes = await Promise.allSettled([
        store.append(ok1, [newEvent()], { expectedVersion: 'no_stream' }),
        store.append(behind, [newEvent()], { expectedVersion: 5 }),
        store.append(freshStream('dup'), [newEvent(), { ...newEvent(), id: taken.id }], { expectedVersion: 'no_stream' }),
        store.append(ok2, [newEvent()], { expectedVersion: 'any' }),
      ]);
      await first;
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
      expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(DuplicateEventIdError);
      const [[tx1], [tx2]] = await Promise.all([transactionOf(ok1), transactionOf(ok2)]);
      expect(tx1).toBe(tx2);
      expect(await transactionOf(behind)).toHaveLength(1);
    });

    it('a value the server refuses fails its own append only: the group is written again one by one', async () => {
      const [ok1, bad, ok2] = [freshStream('ok'), freshStream('bad'), freshStream('ok')];
      const first = opener();
      const outcomes = await Promise.allSettled([
        store.append(ok1, [newEvent()], { expectedVersion: 'no_stream' }),
        store.append(bad, [newEvent('contract.happened', { text: 'nul \u0000 here' })], { expectedVersion: 'no_stream' }),
        store.append(ok2, [newEvent()], { expectedVersion: 'no_stream' }),
      ]);
      await first;
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await transactionOf(bad)).toEqual([]);
      expect(await transactionOf(ok1)).toHaveLength(1);
      expect(await transactionOf(ok2)).toHaveLength(1);
    });

    it('a retried append in a group gets its first result back and writes nothing', async () => {
      const streamId = freshStream('retry');
      const events = newEvents(2);
      const original = await store.append(streamId, events, { expectedVersion: 'no_stream' });
      const first = opener();
      const [again] = await Promise.all([
        store.append(streamId, events, { expectedVersion: 'no_stream' }),
        store.append(freshStream('other'), [newEvent()], { expectedVersion: 'no_stream' }),
      ]);
      await first;
      expect(again).toEqual(original);
      expect(await transactionOf(streamId)).toHaveLength(2);
    });

    it('two appends to one stream never share a statement: the second goes in the next one, after the first, unrefused', async () => {
      const streamId = freshStream('twice');
      const first = opener();
      const [before, refusedBefore] = [sql.statements, sql.refusals];
      const [one, two] = await Promise.all([
        store.append(streamId, [newEvent()], { expectedVersion: 'no_stream' }),
        store.append(streamId, [newEvent()], { expectedVersion: 1 }),
        store.append(freshStream('beside'), [newEvent()], { expectedVersion: 'no_stream' }),
      ]);
      await first;
      expect([one.version, two.version]).toEqual([1, 2]);
      // the opener, then the first append with the one beside it, then the second: no statement refused it
      expect(sql.statements - before).toBe(2);
      expect(sql.refusals - refusedBefore).toBe(0);
      const [tx1, tx2] = await transactionOf(streamId);
      expect(BigInt(tx2)).toBeGreaterThan(BigInt(tx1));
    });
  });
}

describeOnPostgres('postgres: a stream whose lock another transaction holds', () => {
  let db: TestSql;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await openTestSql('postgres', 'es_groups_locked');
    await ensureEventStoreSchema(db.sql);
    store = new PostgresEventStore(db.sql, { appendConcurrency: 2 });
  }, 30_000);
  afterAll(async () => {
    await store.close();
    await db.dispose();
  });

  it('holds up the appends to that stream only: the others go on in the statements left', async () => {
    const locked = freshStream('locked');
    const holder = await HeldTransaction.begin(db.url!);
    await holder.query(`SELECT pg_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext($1))`, [locked]);
    const waiting = [1, 2, 3].map(() => store.append(locked, [newEvent()], { expectedVersion: 'any' }));
    try {
      const others = await Promise.all(
        [1, 2, 3, 4].map(() => store.append(freshStream('free'), [newEvent()], { expectedVersion: 'no_stream' })),
      );
      expect(others.map((r) => r.version)).toEqual([1, 1, 1, 1]);
    } finally {
      await holder.commit();
    }
    expect((await Promise.all(waiting)).map((r) => r.version)).toEqual([1, 2, 3]);
  }, 20_000);
});
