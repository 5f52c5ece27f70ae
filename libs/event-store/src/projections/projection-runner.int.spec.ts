import { listCheckpoints } from './checkpoint-store';
import { ProjectionRunner } from './projection-runner';
import { testBackends } from '../testing/databases';
import { eventually, openStoreFixture, recordingLogger, StoreFixture } from './testing/projection-fixture';
import { appendThings, readEverything } from './testing/thing-events';
import { expectedTally, readTally, tallyProjection } from './testing/tally.projection';

jest.setTimeout(60_000);

describe.each(testBackends())('projection runner catch-up on %s', (backend) => {
  let fx: StoreFixture;
  let runner: ProjectionRunner | undefined;
  let observer: ProjectionRunner | undefined;

  beforeEach(async () => {
    fx = await openStoreFixture(backend);
  });

  afterEach(async () => {
    await observer?.stop();
    await runner?.stop();
    runner = observer = undefined;
    await fx.dispose();
  });

  it('applies events appended before and after start exactly once, and advances past unhandled ones', async () => {
    await appendThings(fx.store, 1234, { tag: 'before' });
    const tally = tallyProjection();
    runner = new ProjectionRunner(fx.store, fx.sql, [tally], { batchSize: 100, logger: recordingLogger() });
    await runner.start();
    const last = await appendThings(fx.store, 345, { tag: 'after', streams: 3 });

    expect(await runner.waitForPosition(last.position, 20_000)).toBe(true);
    const all = await readEverything(fx.store);
    expect(all.at(-1)?.type).toBe('thing.ignored');
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(all));
    // caught up, the runner switches to live in a transaction of its own, after the batch that reached the end
    await eventually(async () => (await listCheckpoints(fx.sql))[0]?.status === 'live', 10_000, 'the tally live');
    const [row] = await listCheckpoints(fx.sql);
    expect(row).toMatchObject({
      projection: 'tally',
      version: 1,
      status: 'live',
      position: all.at(-1)?.position,
      checkpoint: all.at(-1)?.checkpoint,
    });
  });

  it('waitForPosition: true once processed (at once when caught up), false after the timeout once stopped', async () => {
    const tally = tallyProjection();
    runner = new ProjectionRunner(fx.store, fx.sql, [tally], { logger: recordingLogger() });
    await runner.start();
    const first = await appendThings(fx.store, 5);
    expect(await runner.waitForPosition(first.position, 10_000)).toBe(true);

    // caught up, it answers at once: with no time to wait at all, still true (no timed assertion: the machine may be loaded)
    for (let i = 0; i < 20; i++) expect(await runner.waitForPosition(first.position, 0)).toBe(true);

    await runner.stop();
    const late = await appendThings(fx.store, 1);
    const waiting = performance.now();
    expect(await runner.waitForPosition(late.position, 300)).toBe(false);
    expect(performance.now() - waiting).toBeGreaterThanOrEqual(295);
    expect(await runner.waitForPosition(first.position, 300)).toBe(true);
  });

  it('waitForPosition of one named projection: true while another projection fails every batch; an unknown name throws', async () => {
    let broken = true; // fails every batch (not a hanging transaction: PGlite has a single connection)
    const slow = tallyProjection({
      name: 'slow',
      midBatch: async () => {
        if (broken) throw new Error('slow is broken');
      },
    });
    const fast = tallyProjection({ name: 'fast' });
    runner = new ProjectionRunner(fx.store, fx.sql, [slow, fast], { retryBackoffMs: 5, maxRetryBackoffMs: 20, logger: recordingLogger() });
    await runner.start();
    const last = await appendThings(fx.store, 5);

    expect(await runner.waitForPosition(last.position, 10_000, { projection: 'fast' })).toBe(true);
    expect(await runner.waitForPosition(last.position, 200, { projection: 'slow' })).toBe(false);
    expect(await runner.waitForPosition(last.position, 200)).toBe(false);
    await expect(runner.waitForPosition(last.position, 200, { projection: 'nobody' })).rejects.toThrow('no projection named nobody');
    broken = false;
    expect(await runner.waitForPosition(last.position, 10_000, { projection: 'slow' })).toBe(true);
  });

  it('retries a batch that fails halfway: nothing skipped, nothing applied twice', async () => {
    await appendThings(fx.store, 600);
    let batches = 0;
    const logger = recordingLogger();
    const tally = tallyProjection({
      midBatch: async () => {
        batches += 1;
        if (batches === 3 || batches === 4) throw new Error(`injected failure in batch ${batches}`);
      },
    });
    runner = new ProjectionRunner(fx.store, fx.sql, [tally], { batchSize: 50, retryBackoffMs: 5, logger });
    await runner.start();
    const last = await appendThings(fx.store, 60);

    expect(await runner.waitForPosition(last.position, 20_000)).toBe(true);
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(await readEverything(fx.store)));
    expect(logger.errors.map((e) => (e as Error).message)).toEqual(['injected failure in batch 3', 'injected failure in batch 4']);
  });

  it('an observing runner applies nothing and takes no lock; it sees the position once another runner applied it', async () => {
    const tally = tallyProjection();
    observer = new ProjectionRunner(fx.store, fx.sql, [tally], { logger: recordingLogger() });
    observer.observe();
    const last = await appendThings(fx.store, 40);

    expect(await observer.waitForPosition(last.position, 400)).toBe(false);
    expect(observer.snapshot()).toEqual([expect.objectContaining({ name: 'tally', holdsLock: false })]);
    // it wrote nothing, not even the checkpoint table
    expect(await fx.sql.query(`SELECT to_regclass('projection_checkpoints')::text AS t`)).toEqual([{ t: null }]);

    runner = new ProjectionRunner(fx.store, fx.sql, [tally], { logger: recordingLogger() });
    await runner.start();
    expect(await observer.waitForPosition(last.position, 20_000)).toBe(true);
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(await readEverything(fx.store)));
    expect(observer.snapshot()).toEqual([expect.objectContaining({ holdsLock: false, position: last.position })]);
    await expect(observer.start()).rejects.toThrow('observing');
  });
});
