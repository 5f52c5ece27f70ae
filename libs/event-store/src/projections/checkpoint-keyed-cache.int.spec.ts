import type { Checkpoint } from '../event-store.port';
import { openTestSql, testBackends, type TestSql } from '../testing/databases';
import { advanceCheckpoint, ensureCheckpointTable, registerProjection, restartBuild } from './checkpoint-store';
import { CheckpointKeyedCache } from './checkpoint-keyed-cache';

describe.each(testBackends())('CheckpointKeyedCache on %s', (backend) => {
  let db: TestSql;
  const tally = { name: 'tally', version: 1 };
  beforeAll(async () => {
    db = await openTestSql(backend, 'cache');
    await ensureCheckpointTable(db.sql);
    await db.sql.transaction((tx) => registerProjection(tx, tally));
  }, 30_000);
  afterAll(() => db.dispose());

  it('answers from the cache until the projection moves, then computes again', async () => {
    const cache = new CheckpointKeyedCache(db.sql, ['tally']);
    let computed = 0;
    const answer = () => cache.get('q', async () => ++computed);
    expect([await answer(), await answer()]).toEqual([1, 1]);
    expect(await cache.get('other', async () => 'x')).toBe('x');
    await db.sql.transaction((tx) => advanceCheckpoint(tx, tally, null, '1:1' as Checkpoint, 1));
    expect([await answer(), await answer()]).toEqual([2, 2]);
    await db.sql.transaction((tx) => restartBuild(tx, tally));
    expect(await answer()).toBe(3);
  });

  it('does not keep a failed computation, and computes directly without a checkpoint table', async () => {
    const cache = new CheckpointKeyedCache(db.sql, ['tally']);
    await expect(cache.get('boom', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await cache.get('boom', async () => 'fine')).toBe('fine');
    const without = new CheckpointKeyedCache({ query: () => Promise.reject(new Error('no table')) }, ['tally']);
    let computed = 0;
    await without.get('q', async () => ++computed);
    expect(await without.get('q', async () => ++computed)).toBe(2);
  });
});
