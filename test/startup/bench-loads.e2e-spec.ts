import { describeOnPostgres } from '@app/event-store/testing';
import { runEntryPoint } from '../support/entry-point';

/**
 * `npm run bench` loads every section's module before it runs any, outside jest: a module that
 * reaches jest's globals (a test helper pulling in the test app) breaks every section of the
 * bench at once, as the soak's import of the command stream did. `--only none` loads them all,
 * measures nothing and writes under bench/tmp.
 */
describeOnPostgres('npm run bench, outside jest', () => {
  it('loads all its sections and finishes a run that measures nothing', async () => {
    const run = await runEntryPoint('bench/run.ts', ['--only', 'none'], {}, 120_000);
    expect({ code: run.code, stderr: run.code === 0 ? [] : run.stderr }).toEqual({ code: 0, stderr: [] });
    expect(run.stdout.at(-1)).toMatch(/^wrote BENCHMARKS\.md and results\.json under .*bench\/tmp$/);
  });
});
