import { Client } from 'pg';
import { STREAM_LOCK_CLASS } from '@app/event-store';
import type { DedicatedCluster } from './dedicated-cluster';

/**
 * Fault injection on a dedicated cluster: catch the API's backend while it appends (before or
 * after its commit) and `pg_terminate_backend` it there.
 *
 * After the commit: the cluster is told to wait for a synchronous standby that does not exist,
 * but only transactions that insert into `es_events` ask for it (a statement trigger sets
 * `synchronous_commit` for its own transaction; everything else commits locally). Such an append
 * is durable and visible once its backend is terminated, yet its client got an error — the
 * "written, but the answer was lost" case that an Idempotency-Key retry must not write twice.
 */
export class BackendKiller {
  constructor(
    private readonly cluster: DedicatedCluster,
    private readonly database: string,
  ) {}

  /** Once per cluster, before the API connects: commits are local unless a transaction asks otherwise. */
  static async prepare(cluster: DedicatedCluster): Promise<void> {
    await cluster.withClient(async (client) => {
      await client.query(`ALTER SYSTEM SET synchronous_standby_names = 'fault_test_phantom_standby'`);
      await client.query(`ALTER SYSTEM SET synchronous_commit = 'local'`);
      await client.query('SELECT pg_reload_conf()');
    });
  }

  /** From now on every append waits, after its local commit, for the phantom standby. */
  async holdAppendsAfterCommit(): Promise<void> {
    await this.cluster.withClient(async (client) => {
      await client.query(`CREATE OR REPLACE FUNCTION fault_wait_for_standby() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM set_config('synchronous_commit', 'on', true); RETURN NULL; END $$`);
      await client.query(`CREATE OR REPLACE TRIGGER fault_wait_for_standby AFTER INSERT ON es_events
        FOR EACH STATEMENT EXECUTE FUNCTION fault_wait_for_standby()`);
    }, this.database);
  }

  async releaseAppends(): Promise<void> {
    await this.cluster.withClient((client) => client.query('DROP TRIGGER IF EXISTS fault_wait_for_standby ON es_events'), this.database);
  }

  /** Holds `streamId`'s append lock in an open transaction: an append to it waits before writing anything. */
  async lockStream(streamId: string): Promise<{ release(): Promise<void> }> {
    const client = await this.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2::text))', [STREAM_LOCK_CLASS, streamId]);
    return {
      async release() {
        await client.query('ROLLBACK').catch(() => undefined);
        await client.end().catch(() => undefined);
      },
    };
  }

  /** Waits for the API's append in state `waiting` ('lock': for the stream lock; 'standby': committed) and terminates its backend. */
  async killAppend(waiting: 'lock' | 'standby', timeoutMs = 10_000): Promise<number> {
    const waitEvent = waiting === 'lock' ? `wait_event_type = 'Lock' AND wait_event = 'advisory'` : `wait_event = 'SyncRep'`;
    const client = await this.connect();
    try {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows } = await client.query<{ pid: number }>(
          `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND ${waitEvent} AND query LIKE '%stream_lock%'`,
          [this.database],
        );
        if (rows.length === 1) {
          await client.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
          return rows[0].pid;
        }
        if (rows.length > 1) throw new Error(`${rows.length} appends are waiting; expected one`);
        if (Date.now() > deadline) throw new Error(`no append waiting (${waiting}) within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  private async connect(): Promise<Client> {
    const client = new Client({ connectionString: this.cluster.url(this.database), application_name: 'fault-test' });
    await client.connect();
    return client;
  }
}
