import { describeOnPostgres, testBackends } from '../testing/databases';
import { listCheckpoints, readCheckpoint } from './checkpoint-store';
import { ProjectionRunner } from './projection-runner';
import { ProjectionBusyError, rebuildProjection } from './rebuild-projection';
import { eventually, openStoreFixture, recordingLogger, StoreFixture, visibleEvents } from './testing/projection-fixture';
import { appendThings, readEverything } from './testing/thing-events';
import { expectedTally, readTally, tallyProjection } from './testing/tally.projection';

jest.setTimeout(60_000);

/** The read model of a clean rebuild from position 0, built beside it under another name. */
async function cleanRebuild(fx: StoreFixture) {
  const clean = tallyProjection({ name: 'clean' });
  await rebuildProjection(fx.store, fx.sql, clean, { batchSize: 333 });
  return readTally(fx.sql, clean);
}

describe.each(testBackends())('a projection killed mid-batch on %s', (backend) => {
  let fx: StoreFixture;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    fx = await openStoreFixture(backend);
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await fx.dispose();
  });

  it('restarted from its checkpoint, yields the same read model as a clean rebuild', async () => {
    const last = await appendThings(fx.store, 900);
    const all = await visibleEvents(fx.store, 900); // so that every batch is a full one
    let batches = 0;
    let crashed = false;
    const crashing = tallyProjection({
      midBatch: async () => {
        if (++batches === 4) {
          crashed = true;
          throw new Error('the process dies here, half a batch written');
        }
      },
    });
    const first = new ProjectionRunner(fx.store, fx.sql, [crashing], { batchSize: 100, retryBackoffMs: 60_000, logger: recordingLogger() });
    runners.push(first);
    await first.start();
    await eventually(() => crashed, 20_000, 'the crash');
    await first.stop();

    const atCrash = await readCheckpoint(fx.sql, crashing);
    expect(atCrash).toMatchObject({ status: 'building', position: expect.any(Number) });
    const applied = all.slice(0, all.findIndex((e) => e.checkpoint === atCrash?.checkpoint) + 1);
    expect(applied).toHaveLength(300);
    expect(await readTally(fx.sql, crashing)).toEqual(expectedTally(applied)); // no half batch survived

    const restarted = new ProjectionRunner(fx.store, fx.sql, [tallyProjection()], { batchSize: 100, logger: recordingLogger() });
    runners.push(restarted);
    await restarted.start();
    expect(await restarted.waitForPosition(last.position, 20_000)).toBe(true);
    const live = await readTally(fx.sql, crashing);
    expect(live).toEqual(expectedTally(all));
    expect(live).toEqual(await cleanRebuild(fx));
  });

  it('a rebuild from 0 gives the same read model as live catch-up; it waits for, then refuses, a busy lock', async () => {
    const tally = tallyProjection();
    const runner = new ProjectionRunner(fx.store, fx.sql, [tally], { batchSize: 64, logger: recordingLogger() });
    runners.push(runner);
    await runner.start();
    for (let round = 0; round < 4; round++) await appendThings(fx.store, 150, { streams: 3 + round });
    const last = await appendThings(fx.store, 1);
    expect(await runner.waitForPosition(last.position, 20_000)).toBe(true);
    const caughtUp = await readTally(fx.sql, tally);

    await expect(rebuildProjection(fx.store, fx.sql, tally, { lockTimeoutMs: 300, lockRetryMs: 50 })).rejects.toThrow(ProjectionBusyError);
    await runner.stop();
    const progress: number[] = [];
    const result = await rebuildProjection(fx.store, fx.sql, tally, {
      batchSize: 100,
      onProgress: (processed) => progress.push(processed),
    });

    expect(result).toMatchObject({ processed: 601, status: 'live', position: last.position });
    expect(progress).toEqual([100, 200, 300, 400, 500, 600, 601]);
    expect(await readTally(fx.sql, tally)).toEqual(caughtUp);
    expect(caughtUp).toEqual(expectedTally(await readEverything(fx.store)));
    expect(await listCheckpoints(fx.sql)).toMatchObject([{ projection: 'tally', version: 1, status: 'live' }]);
  });
});

describeOnPostgres('a projection whose connection is killed mid-batch (pg_terminate_backend)', () => {
  // PostgresSqlClient.transaction() listens for 'error' on its checked-out client, so a connection
  // that dies mid-transaction is a failed batch (retried), not a crashed process.
  it('retries the batch on a new connection and ends equal to a clean rebuild', async () => {
    const fx = await openStoreFixture('postgres');
    const logger = recordingLogger();
    let kills = 0;
    const tally = tallyProjection({
      midBatch: async (tx) => {
        if (kills++ < 2) await tx.query('SELECT pg_terminate_backend(pg_backend_pid())');
      },
    });
    const runner = new ProjectionRunner(fx.store, fx.sql, [tally], { batchSize: 100, retryBackoffMs: 10, logger });
    try {
      const last = await appendThings(fx.store, 500);
      await runner.start();
      expect(await runner.waitForPosition(last.position, 20_000)).toBe(true);
      expect(logger.errors).toHaveLength(2);
      expect(await readTally(fx.sql, tally)).toEqual(expectedTally(await readEverything(fx.store)));
      expect(await readTally(fx.sql, tally)).toEqual(await cleanRebuild(fx));
    } finally {
      await runner.stop();
      await fx.dispose();
    }
  });
});
