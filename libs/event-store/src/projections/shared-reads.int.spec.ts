import type { EventStore, ReadAllOptions } from '../event-store.port';
import { testBackends } from '../testing/databases';
import { SharedReadsStore } from './shared-reads';
import { eventually, openStoreFixture, StoreFixture } from './testing/projection-fixture';
import { appendThings } from './testing/thing-events';

function countingReads(store: EventStore): { store: EventStore; reads: ReadAllOptions[] } {
  const reads: ReadAllOptions[] = [];
  const counting = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readAll')
        return (options: ReadAllOptions) => {
          reads.push(options);
          return target.readAll(options);
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { store: counting, reads };
}

describe.each(testBackends())('%s: SharedReadsStore', (backend) => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openStoreFixture(backend);
  }, 30_000);
  afterEach(() => fx.dispose());

  it('serves identical reads of several projections with one query, the same events to each', async () => {
    await appendThings(fx.store, 12);
    // readAll shows events once every older transaction on the server has ended
    await eventually(async () => (await fx.store.readAll({ limit: 20 })).length === 12, 10_000, 'the events to be visible');
    const { store, reads } = countingReads(fx.store);
    const shared = new SharedReadsStore(store, { ttlMs: 60_000 }); // no expiry inside the test, however slow the machine

    const [a, b, c] = await Promise.all([shared.readAll({ limit: 5 }), shared.readAll({ limit: 5 }), shared.readAll({ limit: 5 })]);
    const later = await shared.readAll({ limit: 5 }); // a projection a little behind the others
    const next = await shared.readAll({ after: a[4].checkpoint, limit: 5 });

    expect(reads).toHaveLength(2);
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(later).toBe(a);
    expect(a.map((e) => e.position)).toEqual((await fx.store.readAll({ limit: 5 })).map((e) => e.position));
    expect(next[0].position).toBeGreaterThan(a[4].position);
  });

  it('never keeps an empty read: a caught-up projection sees the next event at once', async () => {
    const { store, reads } = countingReads(fx.store);
    const shared = new SharedReadsStore(store);
    expect(await shared.readAll({ limit: 10 })).toEqual([]);
    expect(await shared.readAll({ limit: 10 })).toEqual([]);
    expect(reads).toHaveLength(2);
    await appendThings(fx.store, 1);
    await eventually(async () => (await shared.readAll({ limit: 10 })).length === 1, 10_000, 'the new event');
  });

  it('forgets a batch after its time to live', async () => {
    await appendThings(fx.store, 3);
    await eventually(async () => (await fx.store.readAll({ limit: 10 })).length === 3, 10_000, 'the events to be visible');
    const { store, reads } = countingReads(fx.store);
    const shared = new SharedReadsStore(store, { ttlMs: 30 });
    await shared.readAll({ limit: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await shared.readAll({ limit: 10 });
    expect(reads).toHaveLength(2);
  });
});
