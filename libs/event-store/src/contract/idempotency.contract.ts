import { DuplicateEventIdError } from '../event-store.port';
import { ContractContext, freshStream, newEvent, newEvents } from './contract-fixtures';

export function idempotencyContract(ctx: ContractContext): void {
  describe('event ids', () => {
    it('a retried append with the same ids returns the first result and writes nothing', async () => {
      const store = ctx.store();
      const stream = freshStream('retry');
      const events = newEvents(3);
      const first = await store.append(stream, events, { expectedVersion: 'no_stream' });
      await expect(store.append(stream, events, { expectedVersion: 'no_stream' })).resolves.toEqual(first);
      await store.append(stream, newEvents(1), { expectedVersion: 3 });
      // still a retry after the stream moved on, whatever the expected version
      await expect(store.append(stream, events, { expectedVersion: 'no_stream' })).resolves.toEqual(first);
      await expect(store.append(stream, events, { expectedVersion: 'any' })).resolves.toEqual(first);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.version)).toEqual([1, 2, 3, 4]);
      expect(new Set(read.map((e) => e.id)).size).toBe(4);
    });

    it('concurrent retries of one append all get its result, and it is stored once', async () => {
      const store = ctx.store();
      const stream = freshStream('retry-race');
      const events = newEvents(2);
      const results = await Promise.all(Array.from({ length: 4 }, () => store.append(stream, events, { expectedVersion: 'any' })));
      for (const result of results) expect(result).toEqual(results[0]);
      expect((await store.readStream(stream)).map((e) => e.id)).toEqual(events.map((e) => e.id));
    });

    it('a partial overlap with stored ids is a DuplicateEventIdError and writes nothing', async () => {
      const store = ctx.store();
      const stream = freshStream('overlap');
      const [a, b] = newEvents(2);
      await store.append(stream, [a, b], { expectedVersion: 'no_stream' });
      const c = newEvent();
      const overlap = await store.append(stream, [b, c], { expectedVersion: 'any' }).catch((e: unknown) => e);
      expect(overlap).toBeInstanceOf(DuplicateEventIdError);
      expect(overlap).toMatchObject({ streamId: stream, eventId: b.id });
      expect((await store.readStream(stream)).map((e) => e.id)).toEqual([a.id, b.id]);

      await expect(store.append(stream, [c], { expectedVersion: 2 })).resolves.toMatchObject({ version: 3 });
    });

    const acrossStreams = ctx.capabilities.uniqueIdsAcrossStreams ? it : it.skip;
    acrossStreams('the same ids appended to another stream are a DuplicateEventIdError', async () => {
      const store = ctx.store();
      const events = newEvents(2);
      await store.append(freshStream('owner'), events, { expectedVersion: 'no_stream' });
      const other = freshStream('thief');
      await expect(store.append(other, events, { expectedVersion: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
      expect(await store.readStream(other)).toEqual([]);
    });
  });
}
