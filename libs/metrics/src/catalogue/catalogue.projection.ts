import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '@app/event-store/projections/projection';
import type { SqlExecutor } from '@app/event-store/sql/sql-client';
import { MATTER_EVENT_TYPES, type MatterEvent } from '@app/matters/domain';
import { bulkUpsert } from '../shared/bulk-upsert';
import { VERSION_COLUMNS, versionRow } from './catalogue-rows';

const STATUS_OF = {
  'matter.published': 'published',
  'matter.resumed': 'published',
  'matter.suspended': 'suspended',
  'matter.retired': 'retired',
} as const;

/**
 * The catalogue as dated versions and dated status periods (tables of `AssessmentCatalogue…`).
 * Published and revised events carry the whole elements of their version, so each event maps to
 * rows on its own; a status row's `seq` is the event's stream version, keeping the recorded order.
 */
export class CatalogueProjection implements Projection {
  readonly name = 'assessment-catalogue';
  readonly version = 1;
  readonly handles = MATTER_EVENT_TYPES;

  async setup(): Promise<void> {
    // tables come from the TypeORM migration AssessmentCatalogue1764400000000
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('TRUNCATE rm_matter_versions_v1, rm_matter_status_v1, rm_matter_codes_v1');
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const codes: Record<string, unknown>[] = [];
    const versions: Record<string, unknown>[] = [];
    const statuses: Record<string, unknown>[] = [];
    const codeOf = new Map<string, string>();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as MatterEvent;
      switch (event.type) {
        case 'matter.registered':
          codeOf.set(event.data.matterId, event.data.code);
          codes.push({ matter_id: event.data.matterId, code: event.data.code });
          break;
        case 'matter.published':
        case 'matter.revised': {
          const { matterId, version, effectiveFrom, elements } = event.data;
          versions.push(versionRow(matterId, version, effectiveFrom, elements, codeOf.get(matterId) ?? null));
          break;
        }
        case 'matter.suspended':
        case 'matter.resumed':
        case 'matter.retired':
          break;
      }
      if (event.type in STATUS_OF) {
        const status = STATUS_OF[event.type as keyof typeof STATUS_OF];
        const from = 'effectiveFrom' in event.data ? event.data.effectiveFrom : null;
        statuses.push({ matter_id: event.data.matterId, seq: recorded.version, status, from_date: from });
      }
    }
    await bulkUpsert(
      tx,
      { table: 'rm_matter_codes_v1', columns: { matter_id: 'text', code: 'text' }, key: ['matter_id'], onConflict: 'replace' },
      codes,
    );
    await bulkUpsert(
      tx,
      { table: 'rm_matter_versions_v1', columns: VERSION_COLUMNS, key: ['matter_id', 'version'], onConflict: 'replace' },
      versions,
    );
    await bulkUpsert(
      tx,
      {
        table: 'rm_matter_status_v1',
        columns: { matter_id: 'text', seq: 'int', status: 'text', from_date: 'date' },
        key: ['matter_id', 'seq'],
        onConflict: 'replace',
      },
      statuses,
    );
    // versions written before their matter's code was known in this batch get it now
    if (versions.some((row) => row.code === null))
      await tx.query(
        `UPDATE rm_matter_versions_v1 v SET code = c.code FROM rm_matter_codes_v1 c
         WHERE v.code IS NULL AND v.matter_id = c.matter_id AND v.matter_id = ANY($1)`,
        [versions.filter((row) => row.code === null).map((row) => row.matter_id)],
      );
  }
}
