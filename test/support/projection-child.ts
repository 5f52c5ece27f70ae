/**
 * The APP'S projections (allProjections) in a separate process, for the fault tests that SIGKILL it:
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register test/support/projection-child.ts rebuild URL
 *   node -r ts-node/register/transpile-only -r tsconfig-paths/register test/support/projection-child.ts run URL UNTIL_POSITION
 * `rebuild` rebuilds every projection but the audit trail from position 0, one after the other, printing
 * `progress NAME N` per batch; `run` runs them all with the projection runner (advisory locks,
 * takeover) until every one has processed UNTIL_POSITION (with START_WHEN_ADVISORY_LOCKS=N it
 * first waits until N of the projections' locks are held by others, then prints `starting`). Both print `done`.
 * SLEEP_PER_BATCH (seconds) makes each batch's transaction sleep after applying, so the test can
 * kill the process inside one; PGAPPNAME names its connections in pg_stat_activity.
 */
import type { Projection } from '@app/event-store';
import { ProjectionRunner } from '@app/event-store';
import { rebuildProjection } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { PostgresSqlClient } from '@app/event-store';
import { allProjections } from '../../apps/api/src/projections/projection-registry';
import { projectionLocksHeld } from './projection-locks';
import { rebuildable } from './read-model-dump';

const BATCH_SIZE = 40;

/**
 * The same projection (name, version, tables), every batch's transaction held open a little
 * longer — also the batches without an event it handles (it is fed all events and filters them).
 */
function slowed(projection: Projection, seconds: number): Projection {
  if (seconds <= 0) return projection;
  const handles = projection.handles === 'all' ? undefined : new Set(projection.handles);
  return {
    name: projection.name,
    version: projection.version,
    handles: 'all',
    setup: async (tx) => projection.setup?.(tx),
    reset: (tx) => projection.reset(tx),
    async apply(events, tx) {
      const handled = handles ? events.filter((event) => handles.has(event.type)) : events;
      if (handled.length > 0) await projection.apply(handled, tx);
      await tx.query('SELECT pg_sleep($1)', [seconds]);
    },
  };
}

/** Waits until `count` of the projections' locks are held on this database (another runner owns them). */
async function locksHeldElsewhere(sql: PostgresSqlClient, count: number): Promise<void> {
  process.stdout.write(`waiting for ${count} projection locks\n`);
  while ((await projectionLocksHeld(sql)) < count) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function main(): Promise<void> {
  const [mode, url, until] = process.argv.slice(2);
  const sql = new PostgresSqlClient({ connectionString: url, max: allProjections.length + 4 });
  const store = new PostgresEventStore(sql);
  const projections = allProjections.map((projection) => slowed(projection, Number(process.env.SLEEP_PER_BATCH ?? 0)));
  try {
    if (mode === 'rebuild') {
      for (const projection of projections.filter(rebuildable))
        await rebuildProjection(store, sql, projection, {
          batchSize: BATCH_SIZE,
          onProgress: (processed) => process.stdout.write(`progress ${projection.name} ${processed}\n`),
        });
    } else if (mode === 'run') {
      const runner = new ProjectionRunner(store, sql, projections, {
        batchSize: BATCH_SIZE,
        catchUpBatchSize: BATCH_SIZE,
        lockRetryMs: 100,
        logger: { log: (message) => process.stdout.write(`${message}\n`), error: (message) => process.stdout.write(`${message}\n`) },
      });
      const others = Number(process.env.START_WHEN_ADVISORY_LOCKS ?? 0);
      if (others > 0) await locksHeldElsewhere(sql, others);
      process.stdout.write('starting\n');
      await runner.start();
      const caughtUp = await runner.waitForPosition(Number(until), 45_000);
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
