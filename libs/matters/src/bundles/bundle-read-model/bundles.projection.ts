import type { ProjectedEvent, Projection, SqlExecutor } from '@app/event-store';
import { BUNDLE_EVENT_TYPES, type BundleEvent } from '../../domain';

export const BUNDLES_TABLE = 'rm_bundles_v1';

/**
 * The `bundles` read model (catalogue list and detail): each event carries the bundle's whole
 * current version (name and members), so a row is written from one event; an event of an older
 * version than the row's never overwrites it (a replay changes nothing).
 */
export const bundlesProjection: Projection<BundleEvent> = {
  name: 'bundles',
  version: 1,
  handles: BUNDLE_EVENT_TYPES,

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query(`TRUNCATE ${BUNDLES_TABLE}`);
  },

  async apply(events: ProjectedEvent<BundleEvent>[], tx: SqlExecutor): Promise<void> {
    for (const { data } of events) {
      const code = 'code' in data ? data.code : null; // only bundle.defined carries the code; a revision keeps it
      await tx.query(
        `INSERT INTO ${BUNDLES_TABLE} (bundle_id, code, name, version, members, updated_at)
         VALUES ($1, coalesce($2, ''), $3, $4, $5::jsonb, $6)
         ON CONFLICT (bundle_id) DO UPDATE SET name = excluded.name, version = excluded.version, members = excluded.members,
           updated_at = excluded.updated_at
         WHERE ${BUNDLES_TABLE}.version < excluded.version`,
        [data.bundleId, code, data.name, data.version, JSON.stringify(data.members), data.at],
      );
    }
  },
};
