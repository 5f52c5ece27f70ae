import type { QueryRunner } from 'typeorm';
import { eventsFor, type Checkpoint, type RecordedEvent } from '@app/event-store';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import type { MatterEvent } from '../../domain/matter';
import { elements, published, registered, suspended } from '../../domain/matter/matter.test-fixtures';
import { MattersReadModelV11764200000001 } from './matters-read-model.migration';
import { MATTERS_TABLE, mattersProjection } from './matters.projection';

let position = 0;
const recorded = (event: MatterEvent, version: number, matterId = 'm-1'): RecordedEvent => {
  position += 1;
  return {
    id: `${matterId}-${version}`,
    streamId: `matter-${matterId}`,
    type: event.type,
    schemaVersion: 1,
    data: { ...event.data, matterId },
    metadata: { actor: 'u', correlationId: 'c', at: event.data.at },
    version,
    position,
    checkpoint: String(position) as Checkpoint,
    recordedAt: new Date().toISOString(),
  };
};

describe.each(testBackends())('the matters projection on %s', (backend) => {
  let db: TestSql;

  beforeAll(async () => {
    db = await openTestSql(backend, 'rm_matters');
    await new MattersReadModelV11764200000001().up({ query: (text: string) => db.sql.query(text) } as unknown as QueryRunner);
  });
  afterAll(() => db.dispose());
  beforeEach(() => db.sql.transaction((tx) => mattersProjection.reset(tx)));

  const apply = (events: RecordedEvent[]) => db.sql.transaction((tx) => mattersProjection.apply(eventsFor(mattersProjection, events), tx));
  const rows = () =>
    db.sql.query<Record<string, unknown>>(`SELECT *, effective_from::text AS effective_from FROM ${MATTERS_TABLE} ORDER BY matter_id`);

  it('gives the same rows whether a history comes in one batch or event by event, and a replayed batch changes nothing', async () => {
    const history = [recorded(registered, 1), recorded(published, 2), recorded(suspended, 3)];
    await apply(history);
    const together = await rows();
    expect(together).toEqual([
      expect.objectContaining({
        matter_id: 'm-1',
        status: 'suspended',
        catalogue_version: 1,
        effective_from: '2019-03-01',
        stream_version: 3,
      }),
    ]);
    await db.sql.transaction((tx) => mattersProjection.reset(tx));
    for (const event of history) await apply([event]);
    expect(await rows()).toEqual(together);
    await apply(history);
    expect(await rows()).toEqual(together);
  });

  it('writes a thousand matters in one batch quickly (rebuilds)', async () => {
    const events = Array.from({ length: 1000 }, (_, i) => [
      recorded({ ...registered, data: { ...registered.data, code: `C-${i}` } } as MatterEvent, 1, `m-${i}`),
      recorded(published, 2, `m-${i}`),
    ]).flat();
    const started = Date.now();
    await apply(events);
    expect(Date.now() - started).toBeLessThan(5000);
    const [{ n }] = await db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${MATTERS_TABLE} WHERE status = 'published' AND name = $1`,
      [elements.name],
    );
    expect(n).toBe(1000);
  });
});
