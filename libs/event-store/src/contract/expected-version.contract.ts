import { WrongExpectedVersionError } from '../event-store.port';
import { ContractContext, freshStream, newEvents } from './contract-fixtures';

export function expectedVersionContract(ctx: ContractContext): void {
  describe('expected version', () => {
    it("'no_stream' creates a stream and conflicts once it exists", async () => {
      const store = ctx.store();
      const stream = freshStream('no-stream');
      await expect(store.append(stream, newEvents(2), { expectedVersion: 'no_stream' })).resolves.toMatchObject({ version: 2 });
      const conflict = await store.append(stream, newEvents(1), { expectedVersion: 'no_stream' }).catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(WrongExpectedVersionError);
      expect(conflict).toMatchObject({ streamId: stream, expected: 'no_stream', actual: 2 });
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('an exact version must be the current one; the error tells the actual version', async () => {
      const store = ctx.store();
      const stream = freshStream('exact');
      await store.append(stream, newEvents(3), { expectedVersion: 'no_stream' });
      for (const wrong of [1, 2, 4]) {
        const conflict = await store.append(stream, newEvents(1), { expectedVersion: wrong }).catch((e: unknown) => e);
        expect(conflict).toBeInstanceOf(WrongExpectedVersionError);
        expect(conflict).toMatchObject({ streamId: stream, expected: wrong, actual: 3 });
      }
      await expect(store.append(stream, newEvents(1), { expectedVersion: 3 })).resolves.toMatchObject({ version: 4 });
      expect(await store.readStream(stream)).toHaveLength(4);
    });

    it("an exact version on a missing stream conflicts with actual 'no_stream'", async () => {
      const stream = freshStream('exact-missing');
      const conflict = await ctx
        .store()
        .append(stream, newEvents(1), { expectedVersion: 2 })
        .catch((e: unknown) => e);
      expect(conflict).toBeInstanceOf(WrongExpectedVersionError);
      expect(conflict).toMatchObject({ streamId: stream, expected: 2, actual: 'no_stream' });
      expect(await ctx.store().readStream(stream)).toEqual([]);
    });

    it("'any' appends to a new and to an existing stream", async () => {
      const store = ctx.store();
      const stream = freshStream('any');
      await expect(store.append(stream, newEvents(2), { expectedVersion: 'any' })).resolves.toMatchObject({ version: 2 });
      await expect(store.append(stream, newEvents(2), { expectedVersion: 'any' })).resolves.toMatchObject({ version: 4 });
      expect((await store.readStream(stream)).map((e) => e.version)).toEqual([1, 2, 3, 4]);
    });

    it('of concurrent appends at the same expected version exactly one wins, the others conflict', async () => {
      const store = ctx.store();
      const rounds = ctx.capabilities.concurrentWriters ? 10 : 3;
      const contenders = ctx.capabilities.concurrentWriters ? 6 : 3;
      for (let round = 0; round < rounds; round++) {
        const stream = freshStream('race');
        await store.append(stream, newEvents(1), { expectedVersion: 'no_stream' });
        const batches = Array.from({ length: contenders }, () => newEvents(2));
        const outcomes = await Promise.allSettled(batches.map((events) => store.append(stream, events, { expectedVersion: 1 })));

        const winners = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []));
        expect(winners).toHaveLength(1);
        for (const outcome of outcomes) {
          if (outcome.status === 'rejected') {
            expect(outcome.reason).toBeInstanceOf(WrongExpectedVersionError);
            expect(outcome.reason).toMatchObject({ expected: 1, actual: 3 });
          }
        }
        const read = await store.readStream(stream);
        expect(read.map((e) => e.id)).toEqual([read[0].id, ...batches[winners[0]].map((e) => e.id)]);
      }
    });
  });
}
