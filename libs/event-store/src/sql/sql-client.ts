/**
 * One way to run SQL against PostgreSQL or PGlite. The event store, the projection runner and the
 * read models' writers and queries use it (the read-model tables come from TypeORM migrations).
 */
export interface SqlExecutor {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]>;
}

export interface QueryOptions {
  /**
   * A name for a hot statement of fixed text: PostgreSQL then parses and plans it once per
   * connection instead of on every call (a named prepared statement). Never give two texts one
   * name. PGlite ignores it.
   */
  prepare?: string;
}

export interface AdvisoryLock {
  /** false once the connection holding the lock is gone */
  readonly held: boolean;
  release(): Promise<void>;
}

export interface SqlClient extends SqlExecutor {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /** Session-level `pg_try_advisory_lock`, held on a connection kept for the locks until released; null if another holder has it. */
  tryAdvisoryLock(key: string): Promise<AdvisoryLock | null>;
  close(): Promise<void>;
}

export const SQL_CLIENT = Symbol('SQL_CLIENT');

/**
 * Where the read models' queries go (an `SqlExecutor`): a streaming replica when the deployment
 * has one, else the SQL_CLIENT itself. Commands, projections and policies never use it — what
 * decides must read the primary — and read-your-writes waits read their checkpoints through it.
 */
export const READ_SQL = Symbol('READ_SQL');
