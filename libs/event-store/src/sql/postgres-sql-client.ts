import { Client, Pool, PoolClient, PoolConfig, QueryConfig } from 'pg';
import { AdvisoryLock, QueryOptions, SqlClient, SqlExecutor } from './sql-client';

/**
 * SqlClient over a `pg` connection pool (a PostgreSQL server), and one more connection that holds
 * every session advisory lock of the process (each projection's, policy's, the sweep's and the
 * dispatcher's): an API process needs its pool and one, not a connection per lock. When that
 * connection dies every lock goes with it, as they would with the process: each holder sees
 * `held` turn false and steps back, and the next `tryAdvisoryLock` opens a new one.
 */
export class PostgresSqlClient implements SqlClient {
  readonly kind = 'postgres' as const;
  private readonly pool: Pool;
  private lockSession: Promise<LockSession> | null = null;
  /** keys held through this client: a session's advisory locks are re-entrant, so it must refuse a second taker itself */
  private readonly held = new Set<string>();

  constructor(private readonly config: PoolConfig) {
    this.pool = quietPool(config);
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
    if (this.held.has(key)) return null;
    this.held.add(key); // before the query: two takers in this process at once get one lock
    let lock: SessionAdvisoryLock | null = null;
    try {
      const session = await this.openLockSession();
      if (await session.tryLock(key)) lock = new SessionAdvisoryLock(session, key, () => this.held.delete(key));
      return lock;
    } finally {
      if (!lock) this.held.delete(key);
    }
  }

  async close(): Promise<void> {
    const session = await this.lockSession?.catch(() => null);
    this.lockSession = null;
    await Promise.all([this.pool.end(), session?.end()]);
  }

  /** The lock connection, opened again if it has died. */
  private async openLockSession(): Promise<LockSession> {
    for (;;) {
      const opening = (this.lockSession ??= LockSession.open(this.config));
      let session: LockSession;
      try {
        session = await opening;
      } catch (error) {
        if (this.lockSession === opening) this.lockSession = null;
        throw error;
      }
      if (session.alive) return session;
      if (this.lockSession === opening) this.lockSession = null;
      await session.end();
    }
  }
}

/** The connection holding a client's advisory locks; dead once it errs or ends (the server then released them all). */
class LockSession {
  private dead = false;

  private constructor(private readonly client: Client) {
    // unheard, the 'error' of a session the server ended would end the process
    client.on('error', () => (this.dead = true));
    client.on('end', () => (this.dead = true));
  }

  static async open(config: PoolConfig): Promise<LockSession> {
    const session = new LockSession(new Client(config));
    await session.client.connect();
    return session;
  }

  get alive(): boolean {
    return !this.dead;
  }

  async tryLock(key: string): Promise<boolean> {
    const { rows } = await this.client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [key]);
    return rows[0].locked && this.alive;
  }

  async unlock(key: string): Promise<void> {
    await this.client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
  }

  async end(): Promise<void> {
    this.dead = true;
    await this.client.end().catch(() => undefined);
  }
}

class SessionAdvisoryLock implements AdvisoryLock {
  private released = false;

  constructor(
    private readonly session: LockSession,
    private readonly key: string,
    private readonly forget: () => void,
  ) {}

  get held(): boolean {
    return !this.released && this.session.alive;
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      // a dead session has released it already
      if (this.session.alive) await this.session.unlock(this.key).catch(() => undefined);
    } finally {
      this.forget();
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
