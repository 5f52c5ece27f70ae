import type { SqlExecutor } from '../sql/sql-client';

/**
 * Answers of read-model queries, kept only while the projections they read have not moved: the
 * key of every entry starts with the checkpoints (and statuses) of those projections, read with
 * each request in one small query. A batch applied by any of them changes the stamp, so nothing
 * is ever served across a write. The row's `updated_at` is part of the stamp: a rebuild takes the
 * checkpoint back to where it once was, but never to the same moment. Entries are
 * promises, so concurrent identical requests share one computation; a failed one is forgotten.
 *
 * The stamp is read before the answer is computed: an answer can only be newer than its key,
 * never older (checkpoints move forward with the tables, in one transaction).
 */
export class CheckpointKeyedCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly sql: SqlExecutor,
    private readonly projections: readonly string[],
    private readonly maxEntries = 256,
  ) {}

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const stamp = await this.stamp();
    if (stamp === null) return compute();
    const full = `${stamp}\u0000${key}`;
    const kept = this.entries.get(full);
    if (kept) {
      this.entries.delete(full);
      this.entries.set(full, kept); // most recently used last
      return kept as Promise<T>;
    }
    const value = compute();
    this.entries.set(full, value);
    value.catch(() => this.entries.delete(full));
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  /** The projections' checkpoints in one string, or null when there is no checkpoint table (nothing cached then). */
  private async stamp(): Promise<string | null> {
    try {
      const [row] = (await this.sql.query(
        `SELECT coalesce(string_agg(projection || ':' || version || ':' || status || ':' || coalesce(checkpoint, '-') || ':' || updated_at::text, ',' ORDER BY projection, version), '') AS stamp
         FROM projection_checkpoints WHERE projection = ANY($1)`,
        [[...this.projections]],
      )) as { stamp: string }[];
      return row?.stamp ?? '';
    } catch {
      return null;
    }
  }
}
