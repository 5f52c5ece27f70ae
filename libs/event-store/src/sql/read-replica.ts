import type { QueryOptions, SqlClient, SqlExecutor } from './sql-client';

/**
 * The replica has not replayed a table the query reads yet: a read model the projections just
 * created on the primary (a new projection version, a fresh deployment). Answered 503: retry.
 */
export class ReadReplicaBehindError extends Error {
  constructor(cause: unknown) {
    const table = /relation "([^"]+)"/.exec((cause as Error).message)?.[1];
    super(`the read replica has not replayed this read model${table ? ` (${table})` : ''} yet; retry shortly`, { cause });
    this.name = 'ReadReplicaBehindError';
  }
}

/** SQLSTATE undefined_table */
const UNDEFINED_TABLE = '42P01';

/**
 * The queries' side of READ_DATABASE_URL: a missing table is reported as the replica being behind
 * (on the primary it would be a defect; on a replica it is lag). It runs queries only: no
 * transaction, no lock — those belong to the primary.
 */
export class ReadReplica implements SqlExecutor {
  constructor(private readonly replica: SqlClient) {}

  async query<Row>(text: string, params?: readonly unknown[], options?: QueryOptions): Promise<Row[]> {
    try {
      return await this.replica.query<Row>(text, params, options);
    } catch (error) {
      throw (error as { code?: unknown }).code === UNDEFINED_TABLE ? new ReadReplicaBehindError(error) : error;
    }
  }

  close(): Promise<void> {
    return this.replica.close();
  }
}
