import { Client, Pool, PoolClient, PoolConfig, QueryConfig } from 'pg';
import { isConnectionError } from './connection-errors';
import { NoServerAvailable, ServerTarget, locateServer, parseServerTarget } from './server-target';
import { AdvisoryLock, QueryOptions, SqlClient, SqlExecutor } from './sql-client';

/** what pg-pool throws at a query on a pool after `end()` */
const ENDED_POOL = 'Cannot use a pool after calling end on the pool';

/** The host in use and its pool; `retired` once a connection error sent the client looking for another. */
interface Server {
  readonly url: string;
  readonly pool: Pool;
  retired: boolean;
}

/**
 * SqlClient over a `pg` connection pool (a PostgreSQL server), and one more connection that holds
 * every session advisory lock of the process (each projection's, policy's, the sweep's and the
 * dispatcher's): an API process needs its pool and one, not a connection per lock. When that
 * connection dies every lock goes with it, as they would with the process: each holder sees
 * `held` turn false and steps back, and the next `tryAdvisoryLock` opens a new one.
 *
 * The URL may name several hosts, libpq's way (`postgres://a:5432,b:5432/gov?target_session_attrs=read-write`,
 * as pg_auto_failover prints it): the client then works on the host that fits, and after a
 * connection error (the primary died, or was demoted to a standby) it asks the hosts again
 * before the next query. Queries in between fail as connection errors (503), none hangs.
 */
export class PostgresSqlClient implements SqlClient {
  readonly kind = 'postgres' as const;
  private readonly target: ServerTarget;
  private server: Server | null = null;
  private locating: Promise<Server> | null = null;
  private lockSession: Promise<LockSession> | null = null;
  /** keys held through this client: a session's advisory locks are re-entrant, so it must refuse a second taker itself */
  private readonly held = new Set<string>();

  constructor(private readonly config: PoolConfig) {
    this.target = parseServerTarget(config.connectionString ?? '');
  }

  /** The single-host URL of the server in use now (located first if need be). */
  async serverUrl(): Promise<string> {
    return (this.server ?? (await this.locate())).url;
  }

  async query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    const server = this.server ?? (await this.locate());
    try {
      const result = await server.pool.query(queryConfig(text, params, options));
      return result.rows as Row[];
    } catch (error) {
      throw this.suspect(server, error);
    }
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    const server = this.server ?? (await this.locate());
    const client = await server.pool.connect().catch((error: unknown) => {
      throw this.suspect(server, error);
    });
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
      throw this.suspect(server, error);
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
    const server = this.server ?? (await this.locating?.catch(() => null));
    this.lockSession = null;
    this.server = null;
    await Promise.all([server?.pool.end(), session?.end()]);
  }

  /** The server to use: the first host of the target that fits, asked once for all waiting callers. */
  private locate(): Promise<Server> {
    this.locating ??= locateServer(this.target, this.config.connectionTimeoutMillis ?? 5000)
      .then((url) => (this.server = { url, pool: quietPool({ ...this.config, connectionString: url }), retired: false }))
      .finally(() => (this.locating = null));
    return this.locating;
  }

  /**
   * After an error on `server`: a connection error on a target of several hosts retires it (its
   * pool ends once its clients are back), so the next query locates the host that fits now. A
   * query that reached the retired pool after it ended is answered as a connection error too.
   */
  private suspect(server: Server, error: unknown): unknown {
    if (server.retired && error instanceof Error && error.message === ENDED_POOL)
      return new NoServerAvailable('the server changed; retry', { cause: error });
    const choosing = this.target.urls.length > 1 || this.target.attrs !== 'any';
    if (choosing && isConnectionError(error) && this.server === server) {
      server.retired = true;
      this.server = null;
      void server.pool.end().catch(() => undefined);
    }
    return error;
  }

  /** The lock connection, opened again if it has died. */
  private async openLockSession(): Promise<LockSession> {
    for (;;) {
      const opening = (this.lockSession ??= this.serverUrl().then((url) => LockSession.open({ ...this.config, connectionString: url })));
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
