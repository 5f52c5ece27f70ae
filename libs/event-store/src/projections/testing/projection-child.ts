/**
 * A separate process for `projection-process-kill.int.spec.ts` (a test SIGKILLs it):
 *   node -r ts-node/register/transpile-only projection-child.ts rebuild URL
 *   node -r ts-node/register/transpile-only projection-child.ts run URL UNTIL_POSITION
 * `rebuild` rebuilds the tally projection from 0, printing `progress N` per batch; `run` runs it
 * with the projection runner until it has processed UNTIL_POSITION. Both print `done` at the end.
 * SLEEP_PER_BATCH (seconds) slows each batch's transaction down so it can be killed inside one.
 */
import { PostgresEventStore } from '../../postgres/postgres-event-store';
import { PostgresSqlClient } from '../../sql/postgres-sql-client';
import { ProjectionRunner } from '../projection-runner';
import { rebuildProjection } from '../rebuild-projection';
import { tallyProjection } from './tally.projection';

async function main(): Promise<void> {
  const [mode, url, until] = process.argv.slice(2);
  const sql = new PostgresSqlClient({ connectionString: url, application_name: `projection-child-${mode}` });
  const store = new PostgresEventStore(sql);
  const tally = tallyProjection({ sleepPerBatch: Number(process.env.SLEEP_PER_BATCH ?? 0) });
  try {
    if (mode === 'rebuild') {
      await rebuildProjection(store, sql, tally, {
        batchSize: 100,
        onProgress: (processed) => process.stdout.write(`progress ${processed}\n`),
      });
    } else if (mode === 'run') {
      const runner = new ProjectionRunner(store, sql, [tally], { batchSize: 100, lockRetryMs: 100 });
      await runner.start();
      const caughtUp = await runner.waitForPosition(Number(until), 30_000);
      await runner.stop();
      if (!caughtUp) throw new Error(`did not reach position ${until}`);
    } else {
      throw new Error(`unknown mode ${mode}`);
    }
    process.stdout.write('done\n');
  } finally {
    await store.close();
    await sql.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
