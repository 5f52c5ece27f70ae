import type { Projection } from '@app/event-store';
import { MATTER_EVENT_TYPES, type MatterEvent } from '@app/matters';
import { bareMatterId } from '../ids';
import { CATALOGUE_TABLE } from './quality-issues.tables';

const STATUS_AFTER: Record<string, string | undefined> = {
  'matter.registered': 'draft',
  'matter.published': 'published',
  'matter.suspended': 'suspended',
  'matter.resumed': 'published',
  'matter.retired': 'retired',
};

/** The catalogue's matter ids and statuses: what "run the checks over every published matter" iterates. */
export const catalogueMattersProjection: Projection<MatterEvent> = {
  name: 'audit-catalogue-matters',
  version: 1,
  handles: MATTER_EVENT_TYPES,
  async reset(tx) {
    await tx.query(`TRUNCATE ${CATALOGUE_TABLE}`);
  },
  async apply(events, tx) {
    const latest = new Map<string, { matter_id: string; status: string; version: number }>();
    for (const event of events) {
      const status = STATUS_AFTER[event.type];
      if (status) latest.set(event.streamId, { matter_id: bareMatterId(event.streamId), status, version: event.version });
    }
    if (latest.size === 0) return;
    await tx.query(
      `INSERT INTO ${CATALOGUE_TABLE} AS t (matter_id, status, version)
       SELECT matter_id, status, version FROM jsonb_to_recordset($1::jsonb) AS x(matter_id text, status text, version int)
       ON CONFLICT (matter_id) DO UPDATE SET status = excluded.status, version = excluded.version WHERE t.version < excluded.version`,
      [JSON.stringify([...latest.values()])],
    );
  },
};
