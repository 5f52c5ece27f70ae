import type { EventStore } from '../event-store.port';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { PostgresSqlClient } from '../sql/postgres-sql-client';
import { describeOnPostgres } from '../testing/databases';
import { ProjectionRunner } from './projection-runner';
import { eventually, openStoreFixture, recordingLogger, StoreFixture } from './testing/projection-fixture';
import { appendThings, readEverything } from './testing/thing-events';
import { expectedTally, readTally, tallyProjection } from './testing/tally.projection';

jest.setTimeout(60_000);

/** One "process": its own pool (named, so the test can find its connections), store and runner. */
interface Instance {
  sql: PostgresSqlClient;
  store: EventStore;
  runner: ProjectionRunner;
  logger: ReturnType<typeof recordingLogger>;
  holds(): boolean;
}

describeOnPostgres('two runners over one database (two processes)', () => {
  let fx: StoreFixture;
  const instances: Instance[] = [];
  const tally = tallyProjection();

  function instance(name: string, lockRetryMs: number): Instance {
    const sql = new PostgresSqlClient({ connectionString: fx.url, application_name: name, max: 10 });
    const store = new PostgresEventStore(sql);
    const logger = recordingLogger();
    const runner = new ProjectionRunner(store, sql, [tally], { batchSize: 50, lockRetryMs, logger });
    const created = { sql, store, runner, logger, holds: () => runner.snapshot()[0].holdsLock };
    instances.push(created);
    return created;
  }

  async function lockHolders(): Promise<string[]> {
    const rows = await fx.sql.query<{ name: string }>(
      `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
       WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    return rows.map((row) => row.name);
  }

  beforeEach(async () => {
    fx = await openStoreFixture('postgres');
  });

  afterEach(async () => {
    for (const { runner, sql } of instances.splice(0)) {
      await runner.stop();
      await Promise.race([sql.close(), new Promise((resolve) => setTimeout(resolve, 500))]);
    }
    await fx.dispose();
  });

  it('only the lock holder applies; when it stops, the other takes over from the checkpoint', async () => {
    const a = instance('projections-a', 100);
    await a.runner.start();
    await eventually(a.holds, 10_000, 'a to take the lock');
    const b = instance('projections-b', 100);
    await b.runner.start();
    let bHeld = false;
    const sampler = setInterval(() => (bHeld ||= b.holds()), 2);

    const lasts = await Promise.all([appendThings(a.store, 300, { tag: 'a' }), appendThings(b.store, 300, { tag: 'b' })]);
    for (const last of lasts) {
      expect(await b.runner.waitForPosition(last.position, 20_000)).toBe(true); // b reads a's progress from the table
      expect(await a.runner.waitForPosition(last.position, 1_000)).toBe(true);
    }
    clearInterval(sampler);
    expect(bHeld).toBe(false);
    expect(await lockHolders()).toEqual(['projections-a']);
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(await readEverything(fx.store)));

    const handedOver = a.runner.snapshot()[0].position;
    await a.runner.stop();
    await eventually(b.holds, 5_000, 'b to take over');
    expect(b.logger.lines).toContain(`projection tally v1: running (live) from position ${handedOver}`);
    const more = await appendThings(a.store, 200, { tag: 'after' });
    expect(await b.runner.waitForPosition(more.position, 20_000)).toBe(true);
    expect(await lockHolders()).toEqual(['projections-b']);
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(await readEverything(fx.store)));
  });

  it('when the holder dies (its connections are terminated), the other takes over and nothing is applied twice', async () => {
    const a = instance('projections-a', 60_000); // once it loses the lock it does not come back during the test
    await a.runner.start();
    await eventually(a.holds, 10_000, 'a to take the lock');
    const b = instance('projections-b', 100);
    await b.runner.start();
    const first = await appendThings(b.store, 250);
    expect(await a.runner.waitForPosition(first.position, 20_000)).toBe(true);

    await fx.sql.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'projections-a'`);
    await eventually(() => !a.holds(), 5_000, 'a to notice it lost the lock');
    await eventually(b.holds, 5_000, 'b to take over');
    const more = await appendThings(b.store, 250);
    expect(await b.runner.waitForPosition(more.position, 20_000)).toBe(true);
    expect(await lockHolders()).toEqual(['projections-b']);
    expect(await readTally(fx.sql, tally)).toEqual(expectedTally(await readEverything(fx.store)));
  });
});
