import { Client } from 'pg';
import { AdvisoryLock, SqlClient, SqlExecutor } from '../sql/sql-client';

/**
 * For tests: a writer caught in the middle of its transaction. Every query runs on one connection
 * inside one open transaction until `commit()`, so a `PostgresEventStore` built on it appends
 * without committing — its events hold their xid and positions while other writers go on.
 */
export class HeldTransaction implements SqlClient {
  readonly kind = 'postgres' as const;
  private open = true;

  private constructor(private readonly client: Client) {}

  static async begin(url: string): Promise<HeldTransaction> {
    const client = new Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    return new HeldTransaction(client);
  }

  /** The transaction's xid, assigning it now if it has none yet (as an append's first write does). */
  async xid(): Promise<bigint> {
    const [row] = await this.query<{ xid: string }>('SELECT pg_current_xact_id()::text AS xid');
    return BigInt(row.xid);
  }

  async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    return (await this.client.query(text, params as unknown[] | undefined)).rows as Row[];
  }

  /** Already inside the held transaction: `work` joins it. */
  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return work(this);
  }

  async tryAdvisoryLock(): Promise<AdvisoryLock | null> {
    throw new Error('HeldTransaction: no session advisory locks');
  }

  async commit(): Promise<void> {
    await this.end('COMMIT');
  }

  async close(): Promise<void> {
    await this.end('ROLLBACK');
  }

  private async end(command: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (!this.open) return;
    this.open = false;
    try {
      await this.client.query(command);
    } finally {
      await this.client.end();
    }
  }
}
