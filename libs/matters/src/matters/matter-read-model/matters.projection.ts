import type { ProjectedEvent, Projection } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';
import { MATTER_EVENT_TYPES, type MatterEvent } from '../../domain/matter';
import { evolveMatterRow } from './evolve-matter-row';
import type { MatterRowData } from './matter-row';

export const MATTERS_TABLE = 'rm_matters_v1';

/**
 * The `matters` read model (list and detail). A batch costs two statements whatever its size:
 * read the rows it touches, fold the events into them in memory, upsert them all at once.
 * The table is created by its migration (`MattersReadModelV1…`).
 */
export const mattersProjection: Projection<MatterEvent> = {
  name: 'matters',
  version: 1,
  handles: MATTER_EVENT_TYPES,

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`TRUNCATE ${MATTERS_TABLE}`);
  },

  async apply(events: ProjectedEvent<MatterEvent>[], tx: SqlExecutor): Promise<void> {
    const ids = [...new Set(events.map((event) => event.data.matterId))];
    const existing = await tx.query<{ row: MatterRowData }>(`SELECT to_jsonb(m) AS row FROM ${MATTERS_TABLE} m WHERE matter_id = ANY($1)`, [
      ids,
    ]);
    const rows = new Map(existing.map(({ row }) => [row.matter_id, row]));
    for (const event of events) {
      const row = evolveMatterRow(rows.get(event.data.matterId), { event, version: event.version });
      if (row) rows.set(row.matter_id, row);
    }
    if (rows.size === 0) return;
    await tx.query(
      `INSERT INTO ${MATTERS_TABLE} SELECT * FROM jsonb_populate_recordset(null::${MATTERS_TABLE}, $1::jsonb)
       ON CONFLICT (matter_id) DO UPDATE SET ${UPDATED_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}`,
      [JSON.stringify([...rows.values()])],
    );
  },
};

const UPDATED_COLUMNS: readonly (keyof MatterRowData)[] = [
  'code',
  'name',
  'department_id',
  'region_code',
  'status',
  'status_reason',
  'catalogue_version',
  'effective_from',
  'stream_version',
  'elements',
  'versions',
  'status_periods',
  'registered_at',
  'updated_at',
];
