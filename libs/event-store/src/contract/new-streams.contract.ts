import { WrongExpectedVersionError } from '../event-store.port';
import { ContractContext, freshStream, newEvents } from './contract-fixtures';

/**
 * `appendNewStreams` on every adapter: several new streams guarded by others' versions. The
 * all-or-nothing cases hold where the adapter is atomic (`capabilities.atomicNewStreams`).
 */
export function newStreamsContract(ctx: ContractContext): void {
  describe('appendNewStreams', () => {
    const streamsOf = (label: string, count: number) =>
      Array.from({ length: count }, (_, i) => ({ streamId: freshStream(`${label}-${i}`), events: newEvents(i + 1) }));

    it('creates every stream when the guards hold, and a retry with the same ids writes nothing', async () => {
      const store = ctx.store();
      const guard = freshStream('guard');
      await store.append(guard, newEvents(2), { expectedVersion: 'no_stream' });
      const streams = streamsOf('ok', 3);
      const first = await store.appendNewStreams(streams, { guards: [{ streamId: guard, version: 2 }] });
      expect(first.streams.map((s) => [s.streamId, s.version])).toEqual(streams.map((s, i) => [s.streamId, i + 1]));
      expect(first.position).toBe(Math.max(...first.streams.map((s) => s.position)));
      expect(first.created.sort()).toEqual(streams.map((s) => s.streamId).sort());
      await store.append(guard, newEvents(1), { expectedVersion: 2 });
      // the guard moved on since: the retry is still answered with the first result
      await expect(store.appendNewStreams(streams, { guards: [{ streamId: guard, version: 2 }] })).resolves.toEqual({
        ...first,
        created: [],
      });
      for (const [i, s] of streams.entries()) expect(await store.readStream(s.streamId)).toHaveLength(i + 1);
      // still a retry after one of the new streams moved on (a member application accepted since)
      await store.append(streams[0].streamId, newEvents(1), { expectedVersion: 1 });
      await expect(store.appendNewStreams(streams)).resolves.toEqual({ ...first, created: [] });
    });

    it('a guard at another version refuses the call and writes nothing', async () => {
      const store = ctx.store();
      const guard = freshStream('moved');
      await store.append(guard, newEvents(2), { expectedVersion: 'no_stream' });
      const streams = streamsOf('refused', 2);
      const refusal = await store.appendNewStreams(streams, { guards: [{ streamId: guard, version: 1 }] }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(WrongExpectedVersionError);
      expect(refusal).toMatchObject({ streamId: guard, expected: 1, actual: 2 });
      for (const s of streams) expect(await store.readStream(s.streamId)).toEqual([]);
    });

    const atomic = ctx.capabilities.atomicNewStreams ? it : it.skip;
    atomic('a stream that exists already with other events refuses the whole call: nothing is written', async () => {
      const store = ctx.store();
      const streams = streamsOf('clash', 3);
      await store.append(streams[1].streamId, newEvents(1), { expectedVersion: 'no_stream' });
      await expect(store.appendNewStreams(streams)).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(streams[0].streamId)).toEqual([]);
      expect(await store.readStream(streams[2].streamId)).toEqual([]);
    });

    it('completes a half-done call: streams already stored with these ids are kept, the rest written', async () => {
      const store = ctx.store();
      const streams = streamsOf('half', 3);
      const stored = await store.append(streams[0].streamId, streams[0].events, { expectedVersion: 'no_stream' });
      const done = await store.appendNewStreams(streams);
      expect(done.streams[0]).toEqual(stored);
      expect(done.created.sort()).toEqual([streams[1].streamId, streams[2].streamId].sort());
      for (const s of streams) expect((await store.readStream(s.streamId)).map((e) => e.id)).toEqual(s.events.map((e) => e.id));
      expect(done.streams.map((s) => s.version)).toEqual([1, 2, 3]);
    });

    it('concurrent calls with the same ids create the streams once and all get the same result', async () => {
      const store = ctx.store();
      const streams = streamsOf('race', 2);
      const results = await Promise.all(Array.from({ length: 5 }, () => store.appendNewStreams(streams)));
      for (const result of results) expect(result.streams).toEqual(results[0].streams);
      if (ctx.capabilities.atomicNewStreams) expect(results.filter((result) => result.created.length > 0)).toHaveLength(1);
      for (const [i, s] of streams.entries()) expect(await store.readStream(s.streamId)).toHaveLength(i + 1);
    });
  });
}
