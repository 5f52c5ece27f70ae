import type { EventStore } from '../event-store.port';
import { WrongExpectedVersionError } from '../event-store.port';
import { openStoreFixture, StoreFixture } from '../projections/testing/projection-fixture';
import { testBackends } from '../testing/databases';
import type { CommandContext } from './command-context';
import type { Decider } from '@app/kernel';
import { handleCommand } from './handle-command';
import { StreamCache } from './stream-cache';

/** A door: `open` / `close`, each refused when the door already is so. */
type DoorCommand = { type: 'open'; data: Record<string, never> } | { type: 'close'; data: Record<string, never> };
type DoorEvent = { type: 'door.opened'; data: Record<string, never> } | { type: 'door.closed'; data: Record<string, never> };
const door: Decider<DoorCommand, DoorEvent, { open: boolean }> = {
  initialState: () => ({ open: false }),
  evolve: (_state, event) => ({ open: event.type === 'door.opened' }),
  decide: (command, state) => {
    if ((command.type === 'open') === state.open) throw new Error(`already ${state.open ? 'open' : 'closed'}`);
    return [{ type: command.type === 'open' ? 'door.opened' : 'door.closed', data: {} }];
  },
};

const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { userId: 'u1', roles: ['admin'] },
  at: '2019-09-27T09:00:00+08:00',
  correlationId: 'c1',
  command: 'door.toggle',
  ...extra,
});

function countingReads(store: EventStore): { store: EventStore; reads: () => number } {
  let reads = 0;
  const counting = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'readStream') return (...args: Parameters<EventStore['readStream']>) => (reads++, target.readStream(...args));
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return { store: counting, reads: () => reads };
}

describe.each(testBackends())('%s: handleCommand with a stream cache', (backend) => {
  let fx: StoreFixture;
  let cache: StreamCache;
  beforeEach(async () => {
    fx = await openStoreFixture(backend);
    cache = new StreamCache(10);
  }, 30_000);
  afterEach(() => fx.dispose());

  const run = (store: EventStore, type: DoorCommand['type'], extra?: Partial<CommandContext>) =>
    handleCommand(store, door, 'door-1', { type, data: {} }, context(extra), { cache });

  it('reads a stream it handled last not again, and appends after the kept version', async () => {
    const { store, reads } = countingReads(fx.store);
    await run(store, 'open');
    const closed = await run(store, 'close');
    const opened = await run(store, 'open');
    expect(reads()).toBe(1);
    expect([closed.version, opened.version]).toEqual([2, 3]);
    expect((await fx.store.readStream('door-1')).map((e) => [e.type, e.version, e.position])).toEqual(
      cache.get('door-1')!.map((e) => [e.type, e.version, e.position]),
    );
  });

  it('decides again on a fresh read when another writer appended since (no false refusal, no lost update)', async () => {
    await run(fx.store, 'open'); // kept: open at version 1
    await handleCommand(fx.store, door, 'door-1', { type: 'close', data: {} }, context()); // another process: closed, version 2
    const opened = await run(fx.store, 'open'); // refused on the kept state, allowed on the fresh one
    expect(opened.version).toBe(3);
    await handleCommand(fx.store, door, 'door-1', { type: 'close', data: {} }, context()); // version 4, kept says 3 (open)
    await expect(run(fx.store, 'close')).rejects.toThrow('already closed'); // allowed on the kept state, refused afresh
    expect(await fx.store.readStream('door-1')).toHaveLength(4);
  });

  it('answers a retry under the same Idempotency-Key from the kept history without appending', async () => {
    const first = await run(fx.store, 'open', { idempotencyKey: 'k-1' });
    const { store, reads } = countingReads(fx.store);
    const again = await run(store, 'open', { idempotencyKey: 'k-1' });
    expect(again).toEqual({ ...first, events: [] });
    expect(reads()).toBe(0);
    expect(await fx.store.readStream('door-1')).toHaveLength(1);
  });

  it('checks If-Match against a fresh read, never the kept version', async () => {
    await run(fx.store, 'open');
    await handleCommand(fx.store, door, 'door-1', { type: 'close', data: {} }, context());
    await expect(run(fx.store, 'open', { expectedVersion: 1 })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect((await run(fx.store, 'open', { expectedVersion: 2 })).version).toBe(3);
  });
});
