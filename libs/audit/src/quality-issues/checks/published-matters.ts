import type { SqlExecutor } from '@app/event-store';
import { CATALOGUE_TABLE } from '../read-model/quality-issues.tables';

/** Ids of the matters the catalogue projection last saw published (each is re-checked from its stream). */
export async function publishedMatterIds(sql: SqlExecutor): Promise<string[]> {
  const rows = await sql.query<{ matter_id: string }>(
    `SELECT matter_id FROM ${CATALOGUE_TABLE} WHERE status = 'published' ORDER BY matter_id`,
  );
  return rows.map((row) => row.matter_id);
}
