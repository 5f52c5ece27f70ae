import { projectionLockKey, reactionLockKey } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';
import { allProjections } from '../../apps/api/src/projections/projection-registry';

/** The session advisory locks of the app's projections (one per projection version), not any other advisory lock. */
export const PROJECTION_LOCK_KEYS = allProjections.map(projectionLockKey);

/**
 * How many of the projections' locks are held in the current database, by the sessions named
 * `applicationName` (or by anyone). A bigint advisory key shows in pg_locks as classid (high
 * 32 bits) and objid (low 32 bits) with objsubid 1.
 */
export async function projectionLocksHeld(sql: SqlExecutor, applicationName?: string): Promise<number> {
  return advisoryLocksHeld(sql, PROJECTION_LOCK_KEYS, applicationName);
}

/** The session advisory locks of the app's policies (`Reactor`s, reactions.ts), held where the projections run. */
export const REACTION_LOCK_KEYS = [reactionLockKey({ name: 'bad-review-policy', version: 1 })];

export const reactionLocksHeld = (sql: SqlExecutor, applicationName?: string): Promise<number> =>
  advisoryLocksHeld(sql, REACTION_LOCK_KEYS, applicationName);

async function advisoryLocksHeld(sql: SqlExecutor, keys: readonly string[], applicationName?: string): Promise<number> {
  const [row] = await sql.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND a.datname = current_database()
       AND ((l.classid::bigint << 32) | l.objid::bigint) IN (SELECT hashtextextended(key, 0) FROM unnest($1::text[]) AS key)
       AND ($2::text IS NULL OR a.application_name = $2::text)`,
    [keys, applicationName ?? null],
  );
  return row.n;
}
