/**
 * The supervision sweep in a separate process, for the fault tests that SIGKILL it or start two:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register test/support/sweep-child.ts request URL DATE
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register test/support/sweep-child.ts schedule URL THROUGH
 * `request` sweeps DATE as `POST /supervision/sweeps` does; `schedule` runs the daily schedule's
 * catch-up through THROUGH (first run allowed) and prints `swept D1,D2` or `skipped` (another
 * process held the sweep lock). Each step done prints `step N`; STEP_DELAY_MS waits after each
 * step (so a test can kill it half-way); START_AT (epoch ms) waits until then (two children start
 * together). The projections are applied by another process (the test's app): this one follows
 * their checkpoints. Prints `done`.
 */
import { CommandExecutor, PostgresEventStore, PostgresSqlClient, ProjectionRunner } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { DEFAULT_SUPERVISION_LIMITS, supervisionCatchUp, Sweeper } from '@app/supervision';
import { allProjections } from '../../apps/api/src/projections/projection-registry';

async function main(): Promise<void> {
  const [mode, url, date] = process.argv.slice(2);
  const sql = new PostgresSqlClient({ connectionString: url, max: 4 });
  const store = new PostgresEventStore(sql);
  const checkpoints = new ProjectionRunner(store, sql, allProjections);
  checkpoints.observe();
  const delay = Number(process.env.STEP_DELAY_MS ?? 0);
  let steps = 0;
  const sweeper = new Sweeper({
    store,
    sql,
    commands: new CommandExecutor(store),
    calendar: businessCalendar(),
    limits: DEFAULT_SUPERVISION_LIMITS,
    catchUp: supervisionCatchUp(store, sql, checkpoints),
    async afterStep() {
      process.stdout.write(`step ${++steps}\n`);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    },
  });
  try {
    const startAt = Number(process.env.START_AT ?? 0);
    if (startAt > Date.now()) await new Promise((resolve) => setTimeout(resolve, startAt - Date.now()));
    if (mode === 'request') {
      const result = await sweeper.sweepOnRequest(date);
      process.stdout.write(`result ${JSON.stringify(result)}\n`);
    } else if (mode === 'schedule') {
      const swept = await sweeper.sweepDue(date, { firstRun: true });
      process.stdout.write(swept === null ? 'skipped\n' : `swept ${swept.map((result) => result.date).join(',')}\n`);
    } else throw new Error(`unknown mode ${mode}`);
    process.stdout.write('done\n');
  } finally {
    await checkpoints.stop();
    await sql.close();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
