import { asWritten, ContractContext, freshStream, metadata, newEvent, newEvents, sleep, withoutCheckpoint } from './contract-fixtures';

/**
 * Data that must survive the round trip: unicode (CJK, emoji sequences, combining marks, RTL,
 * line separators, escapes), nesting, the extremes of JS numbers. Not U+0000: PostgreSQL's jsonb
 * cannot store it.
 */
const awkwardData = {
  text: '办件 質量 — «quotes» "double" \'single\' back\\slash \n\t\r end',
  emoji: '👩‍👩‍👧‍👦 🇨🇳 ✅',
  combining: 'e\u0301 Å',
  rtl: 'مرحبا بالعالم',
  separators: 'a\u2028b\u2029c',
  empty: '',
  numbers: [
    0,
    1,
    -1,
    3.14159,
    0.1 + 0.2,
    1e-7,
    1e21,
    Number.MAX_SAFE_INTEGER,
    -Number.MAX_SAFE_INTEGER,
    Number.MAX_VALUE,
    Number.MIN_VALUE,
  ],
  flags: [true, false, null],
  nested: { a: { b: { c: { d: [[], {}, [1, [2, [3, { e: 'deep' }]]]] } } } },
  keysInAnyOrder: { zeta: 1, alpha: 2, aa: 3, a: 4, 'key with spaces': 5, 键: 6 },
};

export function appendAndReadContract(ctx: ContractContext): void {
  describe('append and read back', () => {
    it('reads back what was written: ids, types, schema versions, data, metadata, order, versions 1..n', async () => {
      const store = ctx.store();
      const stream = freshStream('roundtrip');
      const events = [
        newEvent('matter.created', awkwardData),
        newEvent('matter.published', { effectiveFrom: '2019-10-01' }, { schemaVersion: 3 }),
        newEvent('matter.suspended', 'just a string', { metadata: metadata({ causationId: 'cmd-7', tenant: { region: '330600' } }) }),
        newEvent('matter.noted', [1, 'two', { three: 3 }]),
      ];
      const result = await store.append(stream, events, { expectedVersion: 'no_stream' });
      const read = await store.readStream(stream);

      expect(read.map(withoutCheckpoint)).toEqual(
        events.map((e, i) => ({ ...asWritten(stream, e, i + 1), position: read[i].position, recordedAt: read[i].recordedAt })),
      );
      expect(result).toEqual({ streamId: stream, version: 4, position: read[3].position });
      for (let i = 1; i < read.length; i++) expect(read[i].position).toBeGreaterThan(read[i - 1].position);
      for (const event of read) {
        expect(Number.isSafeInteger(event.position)).toBe(true);
        expect(new Date(event.recordedAt).toISOString()).toBe(event.recordedAt);
      }
    });

    it('continues versions across appends and keeps positions increasing', async () => {
      const store = ctx.store();
      const stream = freshStream('versions');
      const first = await store.append(stream, newEvents(2), { expectedVersion: 'no_stream' });
      const second = await store.append(stream, newEvents(3), { expectedVersion: 2 });
      expect(first.version).toBe(2);
      expect(second.version).toBe(5);
      expect(second.position).toBeGreaterThan(first.position);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
      expect(read.map((e) => e.position)).toEqual([...read.map((e) => e.position)].sort((a, b) => a - b));
    });

    it('reads a stream from a version, with a limit; an unknown stream is empty', async () => {
      const store = ctx.store();
      const stream = freshStream('from-version');
      await store.append(stream, newEvents(6), { expectedVersion: 'no_stream' });
      expect((await store.readStream(stream, { fromVersion: 4 })).map((e) => e.version)).toEqual([4, 5, 6]);
      expect((await store.readStream(stream, { fromVersion: 2, limit: 2 })).map((e) => e.version)).toEqual([2, 3]);
      expect(await store.readStream(stream, { fromVersion: 7 })).toEqual([]);
      expect(await store.readStream(freshStream('missing'))).toEqual([]);
    });

    it("gives a stream's last position: the last append's, whatever other streams wrote since; null for an unknown stream", async () => {
      const store = ctx.store();
      const stream = freshStream('stream-position');
      expect(await store.streamPosition(stream)).toBeNull();
      const first = await store.append(stream, newEvents(2), { expectedVersion: 'no_stream' });
      expect(await store.streamPosition(stream)).toBe(first.position);
      const second = await store.append(stream, newEvents(3), { expectedVersion: 2 });
      const other = await store.append(freshStream('stream-position-other'), newEvents(1), { expectedVersion: 'no_stream' });
      expect(other.position).toBeGreaterThan(second.position);
      expect(await store.streamPosition(stream)).toBe(second.position);
      const read = await store.readStream(stream);
      expect(second.position).toBe(read[read.length - 1].position);
    });

    it('rejects an empty append', async () => {
      await expect(ctx.store().append(freshStream('empty'), [], { expectedVersion: 'any' })).rejects.toThrow(Error);
    });

    it('wakes waitForAppend on an append, and after the timeout without one; ping answers', async () => {
      const store = ctx.store();
      const started = Date.now();
      await store.waitForAppend(30);
      expect(Date.now() - started).toBeGreaterThanOrEqual(25);

      const woken = store.waitForAppend(4_000).then(() => Date.now());
      await sleep(5);
      const appendedAt = Date.now();
      await store.append(freshStream('wake'), newEvents(1), { expectedVersion: 'any' });
      expect((await woken) - appendedAt).toBeLessThan(2_000);
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
