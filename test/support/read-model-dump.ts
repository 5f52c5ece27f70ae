import type { Projection } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';

/** The audit trail is an append-only hash chain, never reset: rebuilds leave it (and its table) alone. */
export const rebuildable = (projection: Pick<Projection, 'name'>) => projection.name !== 'audit-trail';
export const AUDIT_TRAIL_TABLE = 'audit_log_v1';

/** Not read models: the event store's own tables and the projections' checkpoints. */
const NOT_READ_MODELS = new Set(['es_events', 'es_streams', 'projection_checkpoints']);

/**
 * Every row of every other table of the database, as sorted JSON lines per table: two dumps are
 * equal when the tables hold exactly the same rows, whatever their physical order.
 */
export async function dumpReadModels(sql: SqlExecutor): Promise<Record<string, string[]>> {
  const tables = await sql.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const dump: Record<string, string[]> = {};
  for (const { name } of tables.filter((table) => !NOT_READ_MODELS.has(table.name))) {
    const rows = await sql.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${name}" t`);
    dump[name] = rows.map((r) => r.row).sort();
  }
  return dump;
}

/** Tables whose content differs between two dumps, with the row counts, for a readable failure. */
export function differences(actual: Record<string, string[]>, expected: Record<string, string[]>): string[] {
  const names = new Set([...Object.keys(actual), ...Object.keys(expected)]);
  return [...names]
    .filter((name) => JSON.stringify(actual[name]) !== JSON.stringify(expected[name]))
    .map((name) => `${name}: ${actual[name]?.length ?? 'missing'} rows vs ${expected[name]?.length ?? 'missing'} in a clean rebuild`);
}
