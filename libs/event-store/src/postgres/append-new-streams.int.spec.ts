import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, type NewEvent, WrongExpectedVersionError } from '../event-store.port';
import { openTestSql, testBackends, type TestSql } from '../testing/databases';
import { appendNewStreams } from './append-new-streams';
import { ensureEventStoreSchema } from './event-store.schema';
import { PostgresEventStore } from './postgres-event-store';

const event = (type: string, n: number): NewEvent => ({
  id: randomUUID(),
  type,
  data: { n },
  metadata: { actor: 'importer', correlationId: 'bulk', at: '2019-03-01T09:00:00+08:00' },
});

describe.each(testBackends())('appendNewStreams on %s', (backend) => {
  let db: TestSql;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await openTestSql(backend, 'es_bulk');
    await ensureEventStoreSchema(db.sql);
    store = new PostgresEventStore(db.sql);
  }, 30_000);
  afterAll(() => db.dispose());

  const streams = Array.from({ length: 50 }, (_, s) => ({
    streamId: `thing-${randomUUID()}`,
    events: Array.from({ length: 1 + (s % 4) }, (_, i) => event(`thing.step-${i}`, i)),
  }));

  it('writes many new streams in one statement, each in version order, readable like any append', async () => {
    const result = await appendNewStreams(db.sql, streams);
    expect(result.created.sort()).toEqual(streams.map((s) => s.streamId).sort());
    for (const { streamId, events } of [streams[0], streams[3], streams[49]]) {
      const stored = await store.readStream(streamId);
      expect(stored.map((e) => [e.id, e.version, e.type])).toEqual(events.map((e, i) => [e.id, i + 1, e.type]));
    }
    // readAll shows a transaction once every older one on the server has ended: wait for it
    let all = await store.readAll({ limit: 1000 });
    for (const deadline = Date.now() + 20_000; all.at(-1)?.position !== result.position && Date.now() < deadline;)
      all = await new Promise<typeof all>((resolve) => setTimeout(() => resolve(store.readAll({ limit: 1000 })), 50));
    expect(all.at(-1)?.position).toBe(result.position);
    // commit-visible order agrees with every stream's versions
    const seen = new Map<string, number>();
    for (const e of all) {
      expect(e.version).toBe((seen.get(e.streamId) ?? 0) + 1);
      seen.set(e.streamId, e.version);
    }
    // an ordinary append continues a bulk-written stream
    await store.append(streams[1].streamId, [event('thing.later', 9)], { expectedVersion: streams[1].events.length });
  }, 30_000);

  it('skips streams already stored with the same events (an import run again) and writes nothing twice', async () => {
    const fresh = { streamId: `thing-${randomUUID()}`, events: [event('thing.step-0', 0)] };
    const result = await appendNewStreams(db.sql, [streams[2], fresh]);
    expect(result).toMatchObject({ created: [fresh.streamId], alreadyStored: [streams[2].streamId] });
    expect(await store.readStream(streams[2].streamId)).toHaveLength(streams[2].events.length);
  });

  it('refuses, atomically, a stream that exists with other events, or an event id stored elsewhere', async () => {
    const fresh = { streamId: `thing-${randomUUID()}`, events: [event('thing.step-0', 0)] };
    const clash = { streamId: streams[5].streamId, events: [event('thing.other', 0)] };
    await expect(db.sql.transaction((tx) => appendNewStreams(tx, [fresh, clash]))).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await store.readStream(fresh.streamId)).toHaveLength(0);
    const stolen = { streamId: `thing-${randomUUID()}`, events: [streams[6].events[0]] };
    await expect(appendNewStreams(db.sql, [stolen])).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(await store.readStream(stolen.streamId)).toHaveLength(0);
  });
});
