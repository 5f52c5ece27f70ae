import type { Checkpoint } from '../event-store.port';
import type { CountEventsAfter } from '../projections/event-count';
import type { SqlExecutor } from '../sql/sql-client';
import { decodeCheckpoint } from './checkpoint';

/** Events a subscriber at `after` has still to read, counted by the index instead of a scan (for progress bars and lag). */
export function countEventsAfterInPostgres(sql: SqlExecutor): CountEventsAfter {
  return async (after: Checkpoint | null) => {
    const { txid, position } = decodeCheckpoint(after);
    const [row] = await sql.query<{ count: string }>(
      'SELECT count(*)::text AS count FROM es_events WHERE (transaction_id, position) > ($1::text::xid8, $2::bigint)',
      [txid.toString(), position.toString()],
    );
    return Number(row.count);
  };
}
