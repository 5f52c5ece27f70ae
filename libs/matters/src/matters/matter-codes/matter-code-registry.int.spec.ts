import type { QueryRunner } from 'typeorm';
import { ensureEventStoreSchema } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import { matterStreamId } from '../matter-stream';
import { MatterCodeRegistry } from './matter-code-registry';
import { MatterCodes1764200000000 } from './matter-codes.migration';

describe.each(testBackends())('matter codes on %s', (backend) => {
  let db: TestSql;
  let store: PostgresEventStore;
  let codes: MatterCodeRegistry;

  beforeAll(async () => {
    db = await openTestSql(backend, 'matter_codes');
    await ensureEventStoreSchema(db.sql);
    await new MatterCodes1764200000000().up({ query: (text: string) => db.sql.query(text) } as unknown as QueryRunner);
    store = new PostgresEventStore(db.sql);
    codes = new MatterCodeRegistry(db.sql, store);
  });
  afterAll(async () => {
    await store.close();
    await db.dispose();
  });

  const writeStream = (matterId: string) =>
    store.append(
      matterStreamId(matterId),
      [
        {
          id: crypto.randomUUID(),
          type: 'matter.registered',
          data: {},
          metadata: { actor: 'u', correlationId: 'c', at: '2019-03-01T09:00:00+08:00' },
        },
      ],
      { expectedVersion: 'no_stream' },
    );

  it('reserves a free code once; the same matter finds it its own, another finds it taken', async () => {
    expect(await codes.reserve('A-1', 'm-a')).toBe('reserved');
    expect(await codes.reserve('A-1', 'm-a')).toBe('ours');
    expect(await codes.reserve('A-1', 'm-b')).toBe('taken');
  });

  it('gives exactly one of many concurrent reservations of a code', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => codes.reserve('RACE-1', `m-${i}`)));
    expect(results.filter((result) => result === 'reserved')).toHaveLength(1);
    expect(results.filter((result) => result === 'taken')).toHaveLength(19);
  });

  it('releases a code whose registration was not written, but never one whose stream exists', async () => {
    await codes.reserve('B-1', 'm-unwritten');
    await codes.release('B-1', 'm-unwritten');
    expect(await codes.reserve('B-1', 'm-other')).toBe('reserved');

    const written = crypto.randomUUID();
    await codes.reserve('B-2', written);
    await writeStream(written);
    await codes.release('B-2', written);
    expect(await codes.reserve('B-2', 'm-other')).toBe('taken');
  });

  it('takes over a reservation orphaned by a crash (old, no stream behind it), not a recent or a used one', async () => {
    await codes.reserve('C-1', 'm-crashed');
    expect(await codes.reserve('C-1', 'm-new')).toBe('taken');
    await db.sql.query(`UPDATE matter_codes SET reserved_at = now() - interval '1 hour' WHERE code = 'C-1'`);
    expect(await codes.reserve('C-1', 'm-new')).toBe('reserved');

    const used = crypto.randomUUID();
    await codes.reserve('C-2', used);
    await writeStream(used);
    await db.sql.query(`UPDATE matter_codes SET reserved_at = now() - interval '1 hour' WHERE code = 'C-2'`);
    expect(await codes.reserve('C-2', 'm-new')).toBe('taken');
  });
});
