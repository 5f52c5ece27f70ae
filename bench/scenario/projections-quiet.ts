import { PostgresSqlClient } from '@app/event-store';
import { allProjections } from '../../apps/api/src/projections/projection-registry';

export interface Quiet {
  /** every registered projection live at the store's last event */
  quiet: boolean;
  /** those that are not (`name:version`), with how many events they are behind */
  behind: { id: string; events: number }[];
  waitedS: number;
}

/**
 * Polls the checkpoints (every 250 ms, as `rebuildInApi` watches a rebuild) until every
 * registered projection — the audit trail included, which the bench never rebuilds and which a
 * bulk import leaves to build from nothing — is live at the store's last event, or `timeoutS`
 * has passed; then answers what was still behind (nothing, when quiet).
 */
export async function waitUntilQuiet(databaseUrl: string, timeoutS: number): Promise<Quiet> {
  const sql = new PostgresSqlClient({ connectionString: databaseUrl, max: 1 });
  const started = performance.now();
  try {
    for (;;) {
      const behind = await projectionsBehind(sql);
      const waitedS = (performance.now() - started) / 1000;
      if (behind.length === 0 || waitedS > timeoutS) return { quiet: behind.length === 0, behind, waitedS };
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  } finally {
    await sql.close();
  }
}

async function projectionsBehind(sql: PostgresSqlClient): Promise<{ id: string; events: number }[]> {
  const [head] = await sql.query<{ last: string | null; position: string | null }>(
    `SELECT transaction_id::text || ':' || position::text AS last, position::text AS position
       FROM es_events ORDER BY transaction_id DESC, position DESC LIMIT 1`,
  );
  const rows = await sql.query<{ id: string; status: string; checkpoint: string | null }>(
    `SELECT projection || ':' || version AS id, status, checkpoint FROM projection_checkpoints`,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return allProjections
    .map((p) => `${p.name}:${p.version}`)
    .flatMap((id) => {
      const row = byId.get(id);
      if (row?.status === 'live' && row.checkpoint === head.last) return [];
      // the checkpoint is `transaction:position`; positions are the store's order closely enough for a lag
      const at = Number(row?.checkpoint?.split(':')[1] ?? 0);
      return [{ id, events: Math.max(0, Number(head.position ?? 0) - at) }];
    });
}
