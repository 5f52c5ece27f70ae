import { Checkpoint, NewEvent, RecordedEvent } from '../event-store.port';
import {
  ContractContext,
  expectStrictlyIncreasing,
  freshStream,
  head,
  newEvent,
  newEvents,
  readOwn,
  withoutCheckpoint,
} from './contract-fixtures';

export function readAllContract(ctx: ContractContext): void {
  describe('readAll and checkpoints', () => {
    it('returns every event of many streams exactly once, in batches, each stream in version order', async () => {
      const store = ctx.store();
      const start = await head(store);
      const written = new Map<string, NewEvent[]>();
      for (let i = 0; i < 12; i++) {
        const stream = freshStream(`all-${i}`);
        written.set(stream, []);
        for (let batch = 0; batch <= i % 3; batch++) {
          const events = newEvents(1 + ((i + batch) % 4));
          await store.append(stream, events, { expectedVersion: 'any' });
          written.get(stream)!.push(...events);
        }
      }
      const expectedIds = [...written.values()].flat().map((e) => e.id);
      const own = (e: { streamId: string }) => written.has(e.streamId);
      const { events: read, checkpoint } = await readOwn(store, { after: start, batchSize: 4, own, expected: expectedIds.length });

      expect(read.map((e) => e.id).sort()).toEqual([...expectedIds].sort());
      expectStrictlyIncreasing(
        store,
        read.map((e) => e.checkpoint),
      );
      for (const [stream, events] of written) {
        const ofStream = read.filter((e) => e.streamId === stream);
        expect(ofStream.map((e) => e.id)).toEqual(events.map((e) => e.id));
        expect(ofStream.map((e) => e.version)).toEqual(events.map((_, i) => i + 1));
        expect(ofStream.map(withoutCheckpoint)).toEqual((await store.readStream(stream)).map(withoutCheckpoint));
      }
      expect((await store.readAll({ after: checkpoint, limit: 10 })).filter(own)).toEqual([]);
    });

    it('resumes after a checkpoint, and a limit of 1 walks the same sequence', async () => {
      const store = ctx.store();
      const start = await head(store);
      const streams = new Set([freshStream('resume-a'), freshStream('resume-b')]);
      const [a, b] = streams;
      await store.append(a, newEvents(3), { expectedVersion: 'no_stream' });
      await store.append(b, newEvents(2), { expectedVersion: 'no_stream' });
      const own = (e: { streamId: string }) => streams.has(e.streamId);
      const all = (await readOwn(store, { after: start, batchSize: 100, own, expected: 5 })).events;
      const oneByOne = (await readOwn(store, { after: start, batchSize: 1, own, expected: 5 })).events;
      expect(all).toHaveLength(5);
      expect(oneByOne.map((e) => e.id)).toEqual(all.map((e) => e.id));
      const afterSecond = (await readOwn(store, { after: all[1].checkpoint, batchSize: 100, own, expected: 3 })).events;
      expect(afterSecond.map((e) => e.id)).toEqual(all.slice(2).map((e) => e.id));
      expect(store.compareCheckpoints(all[2].checkpoint, all[2].checkpoint)).toBe(0);
    });

    it('readWindow walks the windows of readAll, returning only the wanted types and where each window ends', async () => {
      const store = ctx.store();
      const start = await head(store);
      const stream = freshStream('window');
      const types = [
        'contract.kept',
        'contract.skipped',
        'contract.skipped',
        'contract.kept',
        'contract.skipped',
        'contract.kept',
        'contract.skipped',
      ];
      await store.append(
        stream,
        types.map((type, i) => newEvent(type, { i })),
        { expectedVersion: 'no_stream' },
      );
      const own = (e: { streamId: string }) => e.streamId === stream;
      const all = (await readOwn(store, { after: start, batchSize: 100, own, expected: types.length })).events;

      const kept: RecordedEvent[] = [];
      let after = start as Checkpoint | null;
      for (;;) {
        const batch = await store.readAll({ after, limit: 3 });
        const window = await store.readWindow({ after, limit: 3, types: ['contract.kept'] });
        if (batch.length === 3) {
          // a full window is the same whatever commits meanwhile: it is exactly readAll's batch, filtered
          expect(window.scanned).toBe(3);
          expect(window.end).toEqual({ checkpoint: batch[2].checkpoint, position: batch[2].position });
          expect(window.events).toEqual(batch.filter((e) => e.type === 'contract.kept'));
        }
        if (!window.end) break;
        expect(window.scanned).toBeGreaterThan(0);
        expect(window.events.every((e) => e.type === 'contract.kept')).toBe(true);
        if (after) expect(store.compareCheckpoints(window.end.checkpoint, after)).toBeGreaterThan(0);
        kept.push(...window.events.filter(own));
        after = window.end.checkpoint;
      }
      expect(kept).toEqual(all.filter((e) => e.type === 'contract.kept'));
      expect(kept.map((e) => e.data)).toEqual([{ i: 0 }, { i: 3 }, { i: 5 }]);

      // every type when none is named; and without the data, for a reader of the metadata only
      const whole = await store.readAll({ after: all[0].checkpoint, limit: 4 });
      expect(whole.filter(own)).toHaveLength(4);
      expect((await store.readWindow({ after: all[0].checkpoint, limit: 4 })).events).toEqual(whole);
      const bare = await store.readWindow({ after: all[0].checkpoint, limit: 4, types: ['contract.skipped'], withoutData: true });
      expect(bare.events).toEqual(whole.filter((e) => e.type === 'contract.skipped').map((e) => ({ ...e, data: null })));
      expect(bare.end).toEqual({ checkpoint: whole[3].checkpoint, position: whole[3].position });
    });

    it('covers(checkpoint, position) tells whether a subscriber at the checkpoint has seen the event', async () => {
      const store = ctx.store();
      const start = await head(store);
      const stream = freshStream('covers');
      await store.append(stream, newEvents(3), { expectedVersion: 'no_stream' });
      const own = (e: { streamId: string }) => e.streamId === stream;
      const [first, second, third] = (await readOwn(store, { after: start, batchSize: 100, own, expected: 3 })).events;

      expect(await store.covers(null, first.position)).toBe(false);
      expect(await store.covers(first.checkpoint, first.position)).toBe(true);
      expect(await store.covers(first.checkpoint, second.position)).toBe(false);
      expect(await store.covers(third.checkpoint, first.position)).toBe(true);
      expect(await store.covers(third.checkpoint, third.position)).toBe(true);
      if (start) expect(await store.covers(start as Checkpoint, first.position)).toBe(false);
      expect(await store.covers(third.checkpoint, third.position + 1_000_000_000)).toBe(false);
    });
  });
}
