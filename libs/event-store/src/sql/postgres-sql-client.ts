import { Pool, PoolClient, PoolConfig, QueryConfig } from 'pg';
import { AdvisoryLock, QueryOptions, SqlClient, SqlExecutor } from './sql-client';

/**
 * A session advisory lock holds its connection for as long as it is held — one per projection,
 * policy and sweep of the process — so the locks have a pool of their own: taken from the
 * queries' pool they would leave commands and reads a handful of its connections.
 */
const LOCK_CONNECTIONS = 32;

/** SqlClient over a `pg` connection pool (a PostgreSQL server), and a second pool for advisory locks. */
export class PostgresSqlClient implements SqlClient {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  private readonly lockPool: Pool;

  constructor(config: PoolConfig) {
    this.pool = new Pool(config);
    this.lockPool = new Pool({ ...config, max: LOCK_CONNECTIONS });
    // An idle client whose server connection dies must not crash the process; the next query reconnects.
    this.pool.on('error', () => undefined);
    this.lockPool.on('error', () => undefined);
  }

  async query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    const result = await this.pool.query(queryConfig(text, params, options));
    return result.rows as Row[];
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    // A connection that dies while checked out emits 'error'; unheard, that would end the process.
    const onError = () => {
      broken = true;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await work(executorOf(client));
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch {
        broken = true;
      }
      throw error;
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  async tryAdvisoryLock(key: string): Promise<AdvisoryLock | null> {
    const client = await this.lockPool.connect();
    // checked out, a client's 'error' (the server ended the session) has no listener of the pool's: without one it would crash the process
    let broken: Error | undefined;
    const onError = (error: Error) => (broken = error);
    client.on('error', onError);
    let held = false;
    try {
      const [row] = (await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [key])).rows;
      held = row.locked && broken === undefined;
    } catch (error) {
      broken ??= error instanceof Error ? error : new Error(String(error));
      throw error;
    } finally {
      if (!held) client.release(broken ?? false);
    }
    const lock = held ? new SessionAdvisoryLock(client, key) : null;
    client.off('error', onError);
    return lock;
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.end(), this.lockPool.end()]);
  }
}

class SessionAdvisoryLock implements AdvisoryLock {
  private alive = true;
  private returned = false;

  constructor(
    private readonly client: PoolClient,
    private readonly key: string,
  ) {
    client.on('error', () => {
      this.alive = false;
    });
    client.on('end', () => {
      this.alive = false;
    });
  }

  get held(): boolean {
    return this.alive;
  }

  async release(): Promise<void> {
    if (!this.alive) {
      // the connection is gone (and the lock with it): hand it back as broken so the pool can end
      if (!this.returned) this.client.release(true);
      this.returned = true;
      return;
    }
    this.alive = false;
    this.returned = true;
    try {
      await this.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [this.key]);
      this.client.release();
    } catch (error) {
      this.client.release(error instanceof Error ? error : true);
    }
  }
}

function executorOf(client: PoolClient): SqlExecutor {
  return {
    async query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
      const result = await client.query(queryConfig(text, params, options));
      return result.rows as Row[];
    },
  };
}

/** `pg` prepares a statement once per connection when the query has a name. */
function queryConfig(text: string, params: readonly unknown[] | undefined, options: QueryOptions | undefined): QueryConfig {
  return { text, values: params as unknown[] | undefined, ...(options?.prepare && { name: options.prepare }) };
}
