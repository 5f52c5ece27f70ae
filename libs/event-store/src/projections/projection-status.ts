import type { SqlClient } from '../sql/sql-client';
import { ensureCheckpointTable, listCheckpoints } from './checkpoint-store';
import type { CountEventsAfter } from './event-count';
import type { Projection } from './projection';

export interface ProjectionStatusRow {
  projection: string;
  version: number;
  status: string;
  position: number | null;
  /** events still to read; null for retired versions (nobody waits for them) */
  lag: number | null;
  updatedAt: Date | null;
}

/** Every version in `projection_checkpoints`, plus registered versions that never ran ("not started"). */
export async function projectionStatus(
  sql: SqlClient,
  projections: readonly Projection[],
  countAfter: CountEventsAfter,
): Promise<ProjectionStatusRow[]> {
  await ensureCheckpointTable(sql);
  const rows: ProjectionStatusRow[] = [];
  const stored = await listCheckpoints(sql);
  for (const row of stored) {
    const lag = row.status === 'retired' ? null : await countAfter(row.checkpoint);
    rows.push({
      projection: row.projection,
      version: row.version,
      status: row.status,
      position: row.position,
      lag,
      updatedAt: row.updatedAt,
    });
  }
  for (const p of projections) {
    if (stored.some((row) => row.projection === p.name && row.version === p.version)) continue;
    rows.push({
      projection: p.name,
      version: p.version,
      status: 'not started',
      position: null,
      lag: await countAfter(null),
      updatedAt: null,
    });
  }
  return rows.sort((a, b) => a.projection.localeCompare(b.projection) || a.version - b.version);
}

export function formatStatusTable(rows: readonly ProjectionStatusRow[]): string {
  const header = ['projection', 'version', 'status', 'position', 'lag', 'updated'];
  const cells = rows.map((row) => [
    row.projection,
    `v${row.version}`,
    row.status,
    row.position === null ? '-' : String(row.position),
    row.lag === null ? '-' : String(row.lag),
    row.updatedAt ? new Date(row.updatedAt).toISOString() : '-',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((line) => line[i].length)));
  const render = (line: string[]) =>
    line
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [render(header), render(widths.map((w) => '-'.repeat(w))), ...cells.map(render)].join('\n');
}
