import { testBackends } from '../testing/databases';
import { listCheckpoints, readCheckpoint } from './checkpoint-store';
import { ProjectionRunner } from './projection-runner';
import { rebuildProjection } from './rebuild-projection';
import { eventually, openStoreFixture, pausingStore, recordingLogger, StoreFixture } from './testing/projection-fixture';
import { appendThings, readEverything } from './testing/thing-events';
import { expectedTally, readTally, tallyProjection } from './testing/tally.projection';

jest.setTimeout(60_000);

describe.each(testBackends())('building version 2 beside version 1 on %s', (backend) => {
  let fx: StoreFixture;
  const runners: ProjectionRunner[] = [];

  beforeEach(async () => {
    fx = await openStoreFixture(backend);
  });

  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await fx.dispose();
  });

  it('v1 keeps serving while v2 builds; after the switch v2 is live and v1 retired', async () => {
    const v1 = tallyProjection({ version: 1 });
    const servingV1 = new ProjectionRunner(fx.store, fx.sql, [v1], { logger: recordingLogger() });
    runners.push(servingV1);
    await servingV1.start();
    const before = await appendThings(fx.store, 600);
    expect(await servingV1.waitForPosition(before.position, 20_000)).toBe(true);

    // v2's build pauses after three batches, so the test can act while it builds.
    const v2 = tallyProjection({ version: 2 });
    const paused = pausingStore(fx.store, 3);
    const building = rebuildProjection(paused.store, fx.sql, v2, { batchSize: 100 });
    await eventually(async () => (await readCheckpoint(fx.sql, v2))?.position === before.position - 300, 20_000, 'v2 to build 3 batches');

    const during = await appendThings(fx.store, 30, { tag: 'during the build' });
    expect(await servingV1.waitForPosition(during.position, 10_000)).toBe(true);
    expect(await readTally(fx.sql, v1)).toEqual(expectedTally(await readEverything(fx.store)));
    expect(await listCheckpoints(fx.sql)).toMatchObject([
      { version: 1, status: 'live' },
      { version: 2, status: 'building' },
    ]);

    paused.resume();
    const result = await building;
    expect(result.status).toBe('live');
    expect(await listCheckpoints(fx.sql)).toMatchObject([
      { version: 1, status: 'retired' },
      { version: 2, status: 'live' },
    ]);
    expect(await readTally(fx.sql, v2)).toEqual(await readTally(fx.sql, v1));

    // The deployment moves to v2: a runner continues it from where the build stopped.
    await servingV1.stop();
    const servingV2 = new ProjectionRunner(fx.store, fx.sql, [tallyProjection({ version: 2 })], { logger: recordingLogger() });
    runners.push(servingV2);
    await servingV2.start();
    const after = await appendThings(fx.store, 40, { tag: 'after the switch' });
    expect(await servingV2.waitForPosition(after.position, 10_000)).toBe(true);
    expect(await readTally(fx.sql, v2)).toEqual(expectedTally(await readEverything(fx.store)));
    expect((await readCheckpoint(fx.sql, v1))?.status).toBe('retired');
  });

  it('a version the runner meets for the first time builds from 0 and goes live once caught up', async () => {
    await appendThings(fx.store, 300);
    await rebuildProjection(fx.store, fx.sql, tallyProjection({ version: 1 }));
    const runner = new ProjectionRunner(fx.store, fx.sql, [tallyProjection({ version: 3 })], { batchSize: 40, logger: recordingLogger() });
    runners.push(runner);
    await runner.start();
    const last = await appendThings(fx.store, 10);
    expect(await runner.waitForPosition(last.position, 20_000)).toBe(true);
    await eventually(async () => (await readCheckpoint(fx.sql, { name: 'tally', version: 3 }))?.status === 'live', 5_000, 'v3 to go live');
    expect(await listCheckpoints(fx.sql)).toMatchObject([
      { version: 1, status: 'retired' },
      { version: 3, status: 'live' },
    ]);
  });
});
