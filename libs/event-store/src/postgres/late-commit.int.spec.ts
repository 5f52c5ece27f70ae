import { readOwn, newEvents, sleep } from '../contract/contract-fixtures';
import { Checkpoint, RecordedEvent } from '../event-store.port';
import { describeOnPostgres, openTestSql, TestSql } from '../testing/databases';
import { ensureEventStoreSchema } from './event-store.schema';
import { HeldTransaction } from './held-transaction';
import { PostgresEventStore } from './postgres-event-store';

/**
 * The late-commit problem, for real: a writer's transaction is held open (appended, not committed)
 * while other writers append and commit around it. A subscriber polling `readAll` from its
 * checkpoint must not move past the held events, and once they commit it must end with every event
 * exactly once, in the order a fresh `readAll` gives.
 */
describeOnPostgres('postgres: a subscriber never skips an event that commits late', () => {
  let db: TestSql;
  let store: PostgresEventStore;
  const held: HeldTransaction[] = [];

  beforeEach(async () => {
    db = await openTestSql('postgres', 'es_late');
    await ensureEventStoreSchema(db.sql);
    store = new PostgresEventStore(db.sql);
  }, 30_000);
  afterEach(async () => {
    await Promise.all(held.splice(0).map((tx) => tx.close()));
    await store.close();
    await db.dispose();
  });

  const begin = async () => {
    const tx = await HeldTransaction.begin(db.url!);
    held.push(tx);
    return tx;
  };
  const append = (streamId: string, count: number, on: PostgresEventStore = store) =>
    on.append(streamId, newEvents(count), { expectedVersion: 'any' });

  /** A subscriber: reads batches of 2 from its checkpoint until it has `expected` events, then on to the current end. */
  class Subscriber {
    readonly seen: RecordedEvent[] = [];
    checkpoint: Checkpoint | null = null;
    async catchUp(expected: number): Promise<string[]> {
      const read = await readOwn(store, { after: this.checkpoint, batchSize: 2, own: () => true, expected: expected - this.seen.length });
      this.seen.push(...read.events);
      this.checkpoint = read.checkpoint;
      return this.seen.map((e) => e.streamId);
    }
  }

  async function expectNothingMore(subscriber: Subscriber): Promise<void> {
    for (let poll = 0; poll < 5; poll++) {
      expect(await store.readAll({ after: subscriber.checkpoint, limit: 10 })).toEqual([]);
      await sleep(20);
    }
  }

  async function expectEveryEventOnceInFreshOrder(subscriber: Subscriber, total: number): Promise<void> {
    await subscriber.catchUp(total);
    const fresh = await readOwn(store, { after: null, batchSize: 100, own: () => true, expected: total });
    expect(fresh.events).toHaveLength(total);
    expect(subscriber.seen.map((e) => e.id)).toEqual(fresh.events.map((e) => e.id));
  }

  it('held transaction with the lower position: later commits wait behind it', async () => {
    await append('pre', 2);
    const early = await begin();
    await early.xid(); // a writer that took its xid before the held one
    const heldTx = await begin();
    const heldWrite = await append('held', 1, new PostgresEventStore(heldTx));
    const earlyWrite = await append('early', 1, new PostgresEventStore(early));
    await early.commit();
    const laterWrites = [await append('later-1', 2), await append('later-2', 2), await append('later-3', 1)];
    expect(earlyWrite.position).toBeGreaterThan(heldWrite.position);
    for (const later of laterWrites) expect(later.position).toBeGreaterThan(heldWrite.position);
    expect(await store.readStream('later-1')).toHaveLength(2); // committed and visible to plain reads

    const subscriber = new Subscriber();
    expect(await subscriber.catchUp(3)).toEqual(['pre', 'pre', 'early']);
    await expectNothingMore(subscriber);
    expect(await store.covers(subscriber.checkpoint, laterWrites[0].position)).toBe(false);

    await heldTx.commit();
    expect(await subscriber.catchUp(9)).toEqual(['pre', 'pre', 'early', 'held', 'later-1', 'later-1', 'later-2', 'later-2', 'later-3']);
    expect(await store.covers(subscriber.checkpoint, heldWrite.position)).toBe(true);
    await expectEveryEventOnceInFreshOrder(subscriber, 9);
  });

  it('held transaction with the lower xid but the higher position: nothing after its xid is read before it commits', async () => {
    await append('pre', 2);
    const heldTx = await begin();
    await heldTx.xid(); // as an append's first write (es_streams) assigns it, before its positions
    const before = [await append('before-1', 2), await append('before-2', 1)];
    const heldWrite = await append('held', 2, new PostgresEventStore(heldTx));
    const after = await append('after', 1);
    for (const write of before) expect(write.position).toBeLessThan(heldWrite.position);
    expect(after.position).toBeGreaterThan(heldWrite.position);

    const subscriber = new Subscriber();
    expect(await subscriber.catchUp(2)).toEqual(['pre', 'pre']);
    await expectNothingMore(subscriber);
    expect(await store.covers(subscriber.checkpoint, before[0].position)).toBe(false);

    await heldTx.commit();
    expect(await subscriber.catchUp(8)).toEqual(['pre', 'pre', 'held', 'held', 'before-1', 'before-1', 'before-2', 'after']);
    await expectEveryEventOnceInFreshOrder(subscriber, 8);
  });

  it('a rolled-back held transaction leaves no gap the subscriber waits on forever', async () => {
    const heldTx = await begin();
    await append('held', 1, new PostgresEventStore(heldTx));
    await append('other', 2);
    const subscriber = new Subscriber();
    await expectNothingMore(subscriber);
    await heldTx.close();
    expect(await subscriber.catchUp(2)).toEqual(['other', 'other']);
    await expectEveryEventOnceInFreshOrder(subscriber, 2);
  });
});
