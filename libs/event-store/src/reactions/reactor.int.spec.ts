import { randomUUID } from 'node:crypto';
import type { EventStore, RecordedEvent } from '../event-store.port';
import { readCheckpoint } from '../projections/checkpoint-store';
import { eventually, openStoreFixture, recordingLogger, type StoreFixture } from '../projections/testing/projection-fixture';
import { testBackends } from '../testing/databases';
import { Reactor, type Reaction } from './reactor';

jest.setTimeout(60_000);

const metadata = { actor: 'u-1', correlationId: 'c-1', at: '2019-09-30T10:00:00+08:00' };

async function append(store: EventStore, streamId: string, type: string, data: object = {}) {
  return store.append(streamId, [{ id: randomUUID(), type, data, metadata }], { expectedVersion: 'any' });
}

/** For each `thing.rated` below 3, a `follow-up.opened` on the stream derived from it, refused the second time like `already_exists`. */
function followUps(store: EventStore, failFirst = 0): Reaction & { seen: number[] } {
  let failures = failFirst;
  const seen: number[] = [];
  return {
    name: 'test-follow-ups',
    version: 1,
    handles: ['thing.rated'],
    seen,
    async react(event: RecordedEvent) {
      if (failures-- > 0) throw new Error('the store hiccuped');
      seen.push(event.position);
      const { thing, score } = event.data as { thing: string; score: number };
      if (score >= 3) return;
      await store
        .append(`follow-up-${thing}`, [{ id: randomUUID(), type: 'follow-up.opened', data: { thing }, metadata }], {
          expectedVersion: 'no_stream',
        })
        .catch((error: Error) => {
          if (error.name !== 'WrongExpectedVersionError') throw error;
        });
    },
  };
}

describe.each(testBackends())('Reactor on %s', (backend) => {
  let fx: StoreFixture;
  const reactors: Reactor[] = [];
  const started = (reaction: Reaction) => {
    const reactor = new Reactor(fx.store, fx.sql, reaction, { pollMs: 10, lockRetryMs: 50, retryMs: 10, logger: recordingLogger() });
    reactors.push(reactor);
    reactor.start();
    return reactor;
  };

  beforeEach(async () => {
    fx = await openStoreFixture(backend);
  });
  afterEach(async () => {
    await Promise.all(reactors.splice(0).map((reactor) => reactor.stop()));
    await fx.dispose();
  });

  const opened = async () => (await fx.store.readAll({ limit: 1000 })).filter((event) => event.type === 'follow-up.opened').length;

  it('reacts to the handled events only, after failures too, and stores its checkpoint outside the read models', async () => {
    await append(fx.store, 'thing-a', 'thing.rated', { thing: 'a', score: 2 });
    await append(fx.store, 'thing-b', 'thing.noticed');
    const last = await append(fx.store, 'thing-b', 'thing.rated', { thing: 'b', score: 5 });
    const reaction = followUps(fx.store, 2);
    const reactor = started(reaction);
    await eventually(() => (reactor.lastPosition ?? 0) >= last.position, 10_000, 'the reactor to pass the last rating');
    expect(reaction.seen).toHaveLength(2);
    // the follow-up is committed, but readAll shows it only once no older transaction is still open (commit-safe order)
    await eventually(async () => (await opened()) >= 1, 10_000, 'the follow-up visible in readAll');
    expect(await opened()).toBe(1);
    // past the last rating, and past the follow-up it appended itself: that one is read in the reactor's
    // next window, so the checkpoint gets there a poll later (asserting it at once was a race)
    await eventually(
      async () => ((await readCheckpoint(fx.sql, reaction))?.position ?? 0) > last.position,
      10_000,
      'the reactor to pass the follow-up it appended',
    );
    expect((await readCheckpoint(fx.sql, reaction))?.position).toBeGreaterThan(last.position);
  });

  it('opens nothing twice: one instance at a time (its lock), and a restart or a replay from 0 finds the derived streams', async () => {
    const rated = await append(fx.store, 'thing-c', 'thing.rated', { thing: 'c', score: 1 });
    const first = followUps(fx.store);
    const second = followUps(fx.store);
    const a = started(first);
    const b0 = started(second);
    // whichever takes the lock first reacts; the other never does while it is held
    await eventually(() => Math.max(a.lastPosition ?? 0, b0.lastPosition ?? 0) >= rated.position, 10_000, 'one reactor to react');
    expect([first.seen, second.seen].sort((x, y) => y.length - x.length)).toEqual([[rated.position], []]);
    await Promise.all(reactors.splice(0).map((reactor) => reactor.stop()));

    const restarted = followUps(fx.store);
    const b = started(restarted);
    const later = await append(fx.store, 'thing-d', 'thing.rated', { thing: 'd', score: 4 });
    await eventually(() => (b.lastPosition ?? 0) >= later.position, 10_000, 'the restarted reactor to react');
    expect(restarted.seen).toEqual([later.position]); // from its checkpoint, not from 0
    await Promise.all(reactors.splice(0).map((reactor) => reactor.stop()));

    await fx.sql.query(`UPDATE projection_checkpoints SET checkpoint = NULL, position = NULL WHERE projection = 'test-follow-ups'`);
    const replayed = followUps(fx.store);
    const c = started(replayed);
    await eventually(() => (c.lastPosition ?? 0) >= later.position, 10_000, 'the replay to reach the end');
    expect(replayed.seen).toEqual([rated.position, later.position]);
    expect(await opened()).toBe(1);
  });
});
