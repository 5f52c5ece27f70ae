import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describeOnPostgres } from '../testing/databases';
import { readCheckpoint } from './checkpoint-store';
import { rebuildProjection } from './rebuild-projection';
import { eventually, openStoreFixture, StoreFixture, visibleEvents } from './testing/projection-fixture';
import { appendThings } from './testing/thing-events';
import { expectedTally, readTally, tallyProjection } from './testing/tally.projection';

jest.setTimeout(120_000);

const CHILD = join(__dirname, 'testing', 'projection-child.ts');

function startChild(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', CHILD, ...args], {
    cwd: join(__dirname, '..', '..', '..', '..'),
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

function processed(stdout: string): number {
  const lines = stdout.match(/progress (\d+)/g) ?? [];
  return lines.length ? Number(lines[lines.length - 1].split(' ')[1]) : 0;
}

describeOnPostgres('a rebuild in a real child process, SIGKILLed mid-batch', () => {
  let fx: StoreFixture;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    fx = await openStoreFixture('postgres');
  });

  afterEach(async () => {
    child?.kill('SIGKILL');
    await fx.dispose();
  });

  it('restarted, it resumes from its checkpoint and ends equal to a clean rebuild', async () => {
    const last = await appendThings(fx.store, 3000, { streams: 23 });
    const killed = startChild(['rebuild', fx.url!], { SLEEP_PER_BATCH: '0.05' });
    child = killed.child;

    await eventually(() => processed(killed.output.stdout) >= 500, 60_000, `the rebuild to get going (${killed.output.stderr})`);
    const inBatch = `SELECT 1 FROM pg_stat_activity WHERE application_name = 'projection-child-rebuild' AND state = 'active' AND query LIKE '%pg_sleep%'`;
    await eventually(async () => (await fx.sql.query(inBatch)).length > 0, 10_000, 'the child to be inside a batch');
    killed.child.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const gone = `SELECT 1 FROM pg_stat_activity WHERE application_name = 'projection-child-rebuild'`;
    await eventually(async () => (await fx.sql.query(gone)).length === 0, 10_000, "the child's connections to close");

    const tally = tallyProjection();
    const atKill = await readCheckpoint(fx.sql, tally);
    expect(atKill).toMatchObject({ status: 'building' });
    const all = await visibleEvents(fx.store, 3000);
    const done = all.findIndex((event) => event.checkpoint === atKill?.checkpoint) + 1;
    expect(done).toBeGreaterThanOrEqual(500);
    expect(done).toBeLessThan(all.length);
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(all.slice(0, done))); // the killed batch left nothing

    const restarted = startChild(['run', fx.url!, String(last.position)]);
    child = restarted.child;
    expect(await restarted.exited).toEqual({ code: 0, signal: null });
    expect(restarted.output.stdout).toContain('done');
    expect(restarted.output.stdout).toContain(`running (building) from position ${atKill?.position}`);

    const clean = tallyProjection({ name: 'clean' });
    await rebuildProjection(fx.store, fx.sql, clean);
    expect(await readTally(fx.sql, tally)).toEqual(await readTally(fx.sql, clean));
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(all));
    expect((await readCheckpoint(fx.sql, tally))?.status).toBe('live');
  });
});
