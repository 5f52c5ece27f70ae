import { randomUUID } from 'node:crypto';
import type { EventStore, ReadAllOptions, ReadWindowOptions } from '../event-store.port';
import { testBackends } from '../testing/databases';
import { BatchApplier } from './batch-applier';
import { ensureCheckpointTable, readCheckpoint, registerProjection } from './checkpoint-store';
import { eventually, openStoreFixture, StoreFixture } from './testing/projection-fixture';
import { tallyProjection } from './testing/tally.projection';
import { appendThings } from './testing/thing-events';

/** The store, recording every read: `all:<limit>` for `readAll`, `window:<limit>` for a filtered `readWindow`. */
function recordingReads(store: EventStore): { store: EventStore; reads: string[] } {
  const reads: string[] = [];
  const recording = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readAll')
        return (options: ReadAllOptions) => {
          reads.push(`all:${options.limit}`);
          return target.readAll(options);
        };
      if (property === 'readWindow')
        return (options: ReadWindowOptions) => {
          reads.push(`window:${options.limit}`);
          return target.readWindow(options);
        };
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { store: recording, reads };
}

describe.each(testBackends())('%s: BatchApplier batch sizes', (backend) => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openStoreFixture(backend);
    await ensureCheckpointTable(fx.sql);
  }, 30_000);
  afterEach(() => fx.dispose());

  it('reads catch-up batches while behind, filtered windows far behind, and small whole batches once it keeps up, applying every event once', async () => {
    const projection = tallyProjection();
    await fx.sql.transaction(async (tx) => {
      await registerProjection(tx, projection);
      await projection.setup?.(tx);
    });
    const last = await appendThings(fx.store, 23, { perAppend: 1 });
    // readAll shows events once every older transaction on the server has ended
    await eventually(async () => (await fx.store.readAll({ limit: 30 })).length === 23, 10_000, 'the events to be visible');
    const { store, reads } = recordingReads(fx.store);
    const applier = new BatchApplier(
      store,
      fx.sql,
      projection,
      { checkpoint: null, position: null },
      { batchSize: 3, catchUpBatchSize: 8 },
    );

    const moved: number[] = [];
    for (let n = await applier.step(); n > 0; n = await applier.step()) moved.push(n);
    await applier.settle();

    // 3 (full: behind) → 8 (full: far behind) → a window of 8 with only the handled types → 4 (short: caught up)
    // → the next read is small and whole again
    expect(moved).toEqual([3, 8, 8, 4]);
    expect(reads).toEqual(['all:3', 'all:8', 'window:8', 'window:8', 'all:3']);
    expect((await readCheckpoint(fx.sql, projection))?.position).toBe(last.position);
    const [{ total }] = await fx.sql.query<{ total: number }>(`SELECT sum(events)::int AS total FROM ${projection.typesTable}`);
    expect(total).toBe(16); // the handled two types of every three events (23 events: 8 + 8 created/updated)
  });

  it('defers the checkpoint-only write of a batch it does not handle, and stores it with the next handled batch or once caught up', async () => {
    const projection = tallyProjection();
    await fx.sql.transaction(async (tx) => {
      await registerProjection(tx, projection);
      await projection.setup?.(tx);
    });
    const positions: number[] = [];
    for (const type of ['thing.ignored', 'thing.ignored', 'thing.created', 'thing.ignored']) {
      const metadata = { actor: 'system', correlationId: randomUUID(), at: '2024-01-01T00:00:00+08:00' };
      positions.push(
        (await fx.store.append('thing-1', [{ id: randomUUID(), type, data: { n: 0 }, metadata }], { expectedVersion: 'any' })).position,
      );
    }
    await eventually(async () => (await fx.store.readAll({ limit: 10 })).length === 4, 10_000, 'the events to be visible');
    const applier = new BatchApplier(
      fx.store,
      fx.sql,
      projection,
      { checkpoint: null, position: null },
      { batchSize: 1, deferCheckpointMs: 60_000 },
    );
    const stored = async () => (await readCheckpoint(fx.sql, projection))?.position ?? null;

    const seen: [number | null, number | null][] = [];
    for (let step = 0; step < 4; step++) {
      expect(await applier.step()).toBe(1);
      seen.push([applier.position.position, await stored()]);
    }
    expect(seen).toEqual([
      [positions[0], null], // not handled: past it in memory only
      [positions[1], null],
      [positions[2], positions[2]], // handled: applied and the checkpoint moved from where it was stored
      [positions[3], positions[2]],
    ]);
    expect(await applier.step()).toBe(0); // caught up: the deferred checkpoint is stored
    expect(await stored()).toBe(positions[3]);
    const [{ total }] = await fx.sql.query<{ total: number }>(`SELECT sum(events)::int AS total FROM ${projection.typesTable}`);
    expect(total).toBe(1);
    await applier.settle();
  });
});
