import { PassThrough } from 'node:stream';
import { testBackends } from '../testing/databases';
import { listCheckpoints } from './checkpoint-store';
import { PROJECTIONS_CLI_USAGE, runProjectionsCli, type ProjectionsCliDeps } from './projections-cli';
import { projectionLockKey } from './projection';
import { ProjectionRunner } from './projection-runner';
import { openStoreFixture, recordingLogger, StoreFixture, visibleEvents } from './testing/projection-fixture';
import { appendThings } from './testing/thing-events';
import { expectedTally, readTally, tallyProjection } from './testing/tally.projection';

jest.setTimeout(60_000);

describe.each(testBackends())('projections CLI on %s', (backend) => {
  let fx: StoreFixture;
  const v1 = tallyProjection({ version: 1 });
  const v2 = tallyProjection({ version: 2 });
  const other = tallyProjection({ name: 'other' });

  const cli = (...argv: string[]) => cliWith({}, ...argv);

  async function cliWith(deps: Partial<ProjectionsCliDeps>, ...argv: string[]): Promise<{ code: number; text: string }> {
    const out = new PassThrough();
    let text = '';
    out.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const code = await runProjectionsCli(argv, {
      store: fx.store,
      sql: fx.sql,
      projections: [v1, v2, other],
      out,
      progressStream: new PassThrough(),
      ...deps,
    });
    return { code, text };
  }

  beforeEach(async () => {
    fx = await openStoreFixture(backend);
  });

  afterEach(async () => {
    await fx.dispose();
  });

  it('rebuild NAME builds its newest version and reports events/s; status shows versions, checkpoints and lag', async () => {
    await appendThings(fx.store, 250);
    const all = await visibleEvents(fx.store, 250);
    expect((await cli('status')).text).toMatch(/^other +v1 +not started +- +250 +-$/m);

    const rebuilt = await cli('rebuild', 'tally', '--batch-size', '40');
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.text).toMatch(/^tally v2: 250 events in \d+\.\d\d s \(\d+ events\/s\), now live$/m);
    expect(await readTally(fx.sql, v2)).toEqual(expectedTally(all));

    const last = await appendThings(fx.store, 5);
    await visibleEvents(fx.store, 255);
    const status = await cli('status');
    expect(status.code).toBe(0);
    expect(status.text.split('\n')[0]).toMatch(/^projection +version +status +position +lag +updated$/);
    expect(status.text).toMatch(new RegExp(`^tally +v2 +live +${last.position - 5} +5 +\\d{4}-`, 'm'));
    expect(status.text).toMatch(/^other +v1 +not started +- +255 +-$/m);
  });

  it('rebuild --all builds every projection; bad arguments print the usage', async () => {
    await appendThings(fx.store, 30);
    await visibleEvents(fx.store, 30);
    const all = await cli('rebuild', '--all');
    expect(all.code).toBe(0);
    expect(all.text).toContain('tally v2: 30 events');
    expect(all.text).toContain('other v1: 30 events');
    expect(await listCheckpoints(fx.sql)).toMatchObject([
      { projection: 'other', version: 1, status: 'live' },
      { projection: 'tally', version: 2, status: 'live' },
    ]);

    expect(await cli('rebuild', 'nope')).toEqual({ code: 2, text: 'unknown projection nope; known: tally, other\n' });
    expect(await cli('rebuild')).toEqual({ code: 2, text: `${PROJECTIONS_CLI_USAGE}\n` });
    expect(await cli('rebuild', 'tally', '--batch-size', '0')).toEqual({ code: 2, text: `${PROJECTIONS_CLI_USAGE}\n` });
    expect(await cli('explode')).toEqual({ code: 2, text: `${PROJECTIONS_CLI_USAGE}\n` });
  });

  it('run keeps every projection up to date until told to stop, then releases their locks', async () => {
    await appendThings(fx.store, 20);
    let stop!: () => void;
    const stopWhen = new Promise<void>((resolve) => (stop = resolve));
    const running = cliWith({ stopWhen, logger: recordingLogger() }, 'run');
    const last = await appendThings(fx.store, 7);
    const observer = new ProjectionRunner(fx.store, fx.sql, [v1, v2, other], { logger: recordingLogger() });
    observer.observe();
    try {
      expect(await observer.waitForPosition(last.position, 20_000)).toBe(true);
    } finally {
      stop();
      await observer.stop();
    }
    const ran = await running;
    expect(ran.code).toBe(0);
    expect(ran.text).toMatch(/^running tally v1, tally v2, other v1; SIGTERM or SIGINT stops\nstopped: /);
    const all = await visibleEvents(fx.store, 27);
    for (const projection of [v1, v2, other]) {
      expect(await readTally(fx.sql, projection)).toEqual(expectedTally(all));
      const lock = await fx.sql.tryAdvisoryLock(projectionLockKey(projection));
      expect(lock).not.toBeNull();
      await lock?.release();
    }
  });
});
