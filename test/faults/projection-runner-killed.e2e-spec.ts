import { listCheckpoints } from '@app/event-store';
import { rebuildProjection } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { PostgresSqlClient } from '@app/event-store';
import { createThrowawayDatabase, describeOnPostgres, type ThrowawayDatabase } from '@app/event-store/testing';
import { randomScenario } from '@app/metrics';
import { allProjections } from '../../apps/api/src/projections/projection-registry';
import { eventually, spawnTs, type Child } from '../support/child-process';
import { startTestAppAt } from '../support/fault-app';
import { projectionLocksHeld } from '../support/projection-locks';
import { AUDIT_TRAIL_TABLE, differences, dumpReadModels, rebuildable } from '../support/read-model-dump';
import { loadAndProject } from '../support/scenario-app';

jest.setTimeout(150_000);

const CHILD = 'test/support/projection-child.ts';

/**
 * The app's real projections over a realistic event log (a random city loaded through the
 * command handlers), rebuilt in a separate process that is SIGKILLed inside a batch, then resumed
 * by two runner processes of which the lock holder is SIGKILLed too: the other takes over, and
 * every read-model table ends equal to a clean rebuild of the same log.
 */
describeOnPostgres('the projection runner killed (SIGKILL) mid-rebuild', () => {
  let db: ThrowawayDatabase;
  let sql: PostgresSqlClient;
  let head: number;
  let auditTrailBefore: string[];
  const children: Child[] = [];

  const start = (args: string[], name: string, sleepPerBatch: number, env: Record<string, string> = {}) => {
    const child = spawnTs(CHILD, args, { PGAPPNAME: name, SLEEP_PER_BATCH: String(sleepPerBatch), ...env });
    children.push(child);
    return child;
  };
  const connections = async (name: string, where = 'true') =>
    (await sql.query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1 AND ${where}`, [name]))
      .length;
  const locksHeldBy = (name: string) => projectionLocksHeld(sql, name);
  const inBatch = (name: string) => connections(name, `state = 'active' AND query LIKE '%pg_sleep%'`);

  beforeAll(async () => {
    db = await createThrowawayDatabase('fault_projections');
    const app = await startTestAppAt(db.url);
    try {
      head = (await loadAndProject(app, randomScenario(20251, { matters: 60, applications: 220, issues: 12 }), 8)).position;
    } finally {
      await app.close();
    }
    sql = new PostgresSqlClient({ connectionString: db.url, max: 8 });
    auditTrailBefore = (await dumpReadModels(sql))[AUDIT_TRAIL_TABLE];
  });

  afterAll(async () => {
    for (const child of children) child.process.kill('SIGKILL');
    await sql?.close();
    await db?.drop();
  });

  it('a rebuild SIGKILLed inside a batch leaves a projection building from its last committed checkpoint', async () => {
    const rebuild = start(['rebuild', db.url], 'fault-rebuild', 0.05);
    const projectionsStarted = () => new Set([...rebuild.output.stdout.matchAll(/progress (\S+) /g)].map((match) => match[1])).size;
    await eventually(() => projectionsStarted() >= 2, 60_000, `the rebuild to reach its second projection (${rebuild.output.stderr})`);
    await eventually(async () => (await inBatch('fault-rebuild')) > 0, 10_000, 'the rebuild to be inside a batch');
    rebuild.process.kill('SIGKILL');
    expect(await rebuild.exited).toEqual({ code: null, signal: 'SIGKILL' });
    await eventually(async () => (await connections('fault-rebuild')) === 0, 10_000, "the killed process's connections to close");

    const building = (await listCheckpoints(sql)).filter((checkpoint) => checkpoint.status === 'building');
    expect(building).toHaveLength(1);
    expect(building[0].position ?? 0).toBeLessThan(head);
  });

  it('two runners resume it; the lock holder is SIGKILLed mid-batch and the other takes over to the head', async () => {
    const a = start(['run', db.url, String(head)], 'fault-runner-a', 0.5);
    const b = start(['run', db.url, String(head)], 'fault-runner-b', 0, { START_WHEN_ADVISORY_LOCKS: String(allProjections.length) });
    await eventually(
      async () => (await locksHeldBy('fault-runner-a')) >= allProjections.length,
      60_000,
      `runner a to take the locks (${a.output.stderr})`,
    );
    await eventually(() => b.output.stdout.includes('starting'), 60_000, `runner b to start (${b.output.stderr})`);
    await eventually(async () => (await inBatch('fault-runner-a')) > 0, 10_000, 'runner a to be inside a batch');
    expect(await locksHeldBy('fault-runner-b')).toBe(0);
    const behind = (await listCheckpoints(sql)).filter((checkpoint) => checkpoint.status === 'building');
    expect(behind).toHaveLength(1);

    a.process.kill('SIGKILL');
    expect(await a.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await b.exited).toEqual({ code: 0, signal: null });
    expect(b.output.stdout).toContain('done');
    expect(b.output.stdout).toContain(`${behind[0].projection} v${behind[0].version}: running (building) from position`);
    // a checkpoint is the last event in log order (transaction_id, position): with concurrent writers
    // that event need not hold the highest position (the load's `head`), so the expectation reads it
    const [last] = await sql.query<{ position: string }>(
      'SELECT position::text AS position FROM es_events ORDER BY transaction_id DESC, position DESC LIMIT 1',
    );
    const checkpoints = (await listCheckpoints(sql)).filter((checkpoint) => checkpoint.status !== 'retired');
    expect(checkpoints.map((checkpoint) => [checkpoint.projection, checkpoint.status, checkpoint.position])).toEqual(
      checkpoints.map((checkpoint) => [checkpoint.projection, 'live', Number(last.position)]),
    );
  });

  it('every read-model table equals a clean rebuild of the same event log; the audit trail is as it was', async () => {
    for (const child of children) child.process.kill('SIGKILL'); // none may still hold a lock (they have all ended when the test before passed)
    await Promise.all(children.map((child) => child.exited));
    const resumed = await dumpReadModels(sql);
    expect(resumed[AUDIT_TRAIL_TABLE]).toEqual(auditTrailBefore);
    expect(auditTrailBefore.length).toBeGreaterThan(100);
    const store = new PostgresEventStore(sql);
    for (const projection of allProjections.filter(rebuildable)) await rebuildProjection(store, sql, projection, { batchSize: 1000 });
    const clean = await dumpReadModels(sql);
    expect(differences(resumed, clean)).toEqual([]);
    expect(resumed).toEqual(clean);
    expect(Object.values(clean).reduce((rows, table) => rows + table.length, 0)).toBeGreaterThan(500);
  });
});
