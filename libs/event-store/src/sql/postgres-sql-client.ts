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
    this.pool = quietPool(config);
    this.lockPool = quietPool({ ...config, max: LOCK_CONNECTIONS });
  }

  async query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    const result = await this.pool.query(queryConfig(text, params, options));
    return result.rows as Row[];
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
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
      client.release(broken); // the pool also drops a client whose connection has died
    }
  }

  async tryAdvisoryLock(key: string): Promise<AdvisoryLock | null> {
    const client = await this.lockPool.connect();
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

/**
 * A pool whose connections are heard whenever they fail, idle or checked out. The pool listens to
 * an idle one only, and it hands a client to the next waiter from inside the socket's parse loop
 * (the previous holder's ReadyForQuery): a shutdown's FATAL in the same read reaches that client
 * before the waiter, resumed a microtask later, could listen — and an 'error' event nobody hears
 * ends the process. Heard, the error fails the query in flight; the pool drops the dead client on
 * release and the next query reconnects.
 */
function quietPool(config: PoolConfig): Pool {
  const pool = new Pool(config);
  pool.on('connect', (client) => client.on('error', () => undefined));
  pool.on('error', () => undefined);
  return pool;
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
