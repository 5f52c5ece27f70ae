import type { SqlExecutor } from '@app/event-store';

export interface UpsertSpec {
  table: string;
  /** column name → SQL type, in insert order */
  columns: Record<string, string>;
  /** the primary key columns */
  key: readonly string[];
  /**
   * on a key conflict: `replace` the other columns, `add` them to the stored values (counters),
   * or keep the stored row (`nothing`)
   */
  onConflict: 'replace' | 'add' | 'nothing';
  /** when given, returns the key columns (as text) of the rows as written that meet this SQL condition (e.g. counters back at zero) */
  returnKeysWhere?: string;
}

/**
 * One multi-row upsert of many rows: the rows travel as one JSON parameter and are expanded by
 * `jsonb_to_recordset`, so a batch of a thousand events is one statement per table, not a thousand.
 */
export async function bulkUpsert(
  tx: SqlExecutor,
  spec: UpsertSpec,
  rows: readonly Record<string, unknown>[],
): Promise<Record<string, unknown>[]> {
  if (rows.length === 0) return [];
  const names = Object.keys(spec.columns);
  const definition = names.map((name) => `${name} ${spec.columns[name]}`).join(', ');
  const others = names.filter((name) => !spec.key.includes(name));
  const update =
    spec.onConflict === 'nothing' || others.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${others
          .map((name) => (spec.onConflict === 'add' ? `${name} = ${spec.table}.${name} + EXCLUDED.${name}` : `${name} = EXCLUDED.${name}`))
          .join(', ')}`;
  const upsert = `INSERT INTO ${spec.table} (${names.join(', ')})
     SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS r(${definition})
     ON CONFLICT (${spec.key.join(', ')}) ${update}`;
  if (!spec.returnKeysWhere) {
    await tx.query(upsert, [JSON.stringify(rows)]);
    return [];
  }
  return tx.query(
    `WITH written AS (${upsert} RETURNING *) SELECT ${spec.key.map((k) => `${k}::text AS ${k}`).join(', ')} FROM written WHERE ${spec.returnKeysWhere}`,
    [JSON.stringify(rows)],
  );
}
