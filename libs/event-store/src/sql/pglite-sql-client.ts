import type { PGlite } from '@electric-sql/pglite';
import { AdvisoryLock, SqlClient, SqlExecutor } from './sql-client';

/**
 * SqlClient over an embedded PGlite instance. PGlite is one session in this process: its own
 * mutex serializes queries and transactions, and an advisory lock only has to exclude other
 * holders in this process (no other process can open the same data directory).
 */
export class PgliteSqlClient implements SqlClient {
  readonly kind = 'pglite' as const;
  private readonly locks = new Set<string>();

  constructor(private readonly db: PGlite) {}

  async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
    const result = await this.db.query<Row>(text, params as unknown[] | undefined);
    return result.rows;
  }

  async transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return this.db.transaction(async (tx) =>
      work({
        async query<Row>(text: string, params?: readonly unknown[]): Promise<Row[]> {
          return (await tx.query<Row>(text, params as unknown[] | undefined)).rows;
        },
      }),
    );
  }

  async tryAdvisoryLock(key: string): Promise<AdvisoryLock | null> {
    if (this.locks.has(key)) return null;
    this.locks.add(key);
    const locks = this.locks;
    let held = true;
    return {
      get held() {
        return held;
      },
      async release() {
        held = false;
        locks.delete(key);
      },
    };
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
