import type { ProjectedEvent, Projection } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';
import { MATTER_EVENT_TYPES, type MatterEvent } from '@app/matters';
import { bulkUpsert } from '../shared/bulk-upsert';
import { VERSION_COLUMNS, versionRow } from './catalogue-rows';
import { inForcePeriods, type MatterTimeline, type StatusEntry } from './in-force-periods';

const STATUS_OF = {
  'matter.published': 'published',
  'matter.resumed': 'published',
  'matter.suspended': 'suspended',
  'matter.retired': 'retired',
} as const;

const PERIOD_COLUMNS = { ...VERSION_COLUMNS, valid_from: 'date', valid_to: 'date' };

/**
 * The catalogue as dated periods in force (tables of `AssessmentCatalogueV2…`). Per batch: load
 * the touched matters' timelines, add the events (a version per publish/revision, a status change
 * per publish/suspend/resume/retire with the stream version as its order), then rewrite those
 * matters' periods in force. Events already in a timeline (same version, same seq) change nothing.
 */
export class CatalogueProjection implements Projection<MatterEvent> {
  readonly name = 'assessment-catalogue';
  readonly version = 2;
  readonly handles = MATTER_EVENT_TYPES;

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('TRUNCATE rm_matter_timelines_v2, rm_matter_in_force_v2');
  }

  async apply(events: ProjectedEvent<MatterEvent>[], tx: SqlExecutor): Promise<void> {
    const ids = [...new Set(events.map((event) => event.data.matterId))];
    const stored = await tx.query<MatterTimeline>(
      'SELECT matter_id, code, versions, statuses FROM rm_matter_timelines_v2 WHERE matter_id = ANY($1)',
      [ids],
    );
    const timelines = new Map(stored.map((row) => [row.matter_id, row]));
    for (const event of events) {
      const id = event.data.matterId;
      const timeline = timelines.get(id) ?? { matter_id: id, code: null, versions: [], statuses: [] };
      timelines.set(id, timeline);
      if (event.type === 'matter.registered') timeline.code = event.data.code;
      if (event.type === 'matter.published' || event.type === 'matter.revised') {
        const { version, effectiveFrom, elements } = event.data;
        if (!timeline.versions.some((v) => v.version === version))
          timeline.versions.push(versionRow(id, version, effectiveFrom, elements, timeline.code));
      }
      if (event.type in STATUS_OF && !timeline.statuses.some((s) => s.seq === event.version)) {
        const status = STATUS_OF[event.type as keyof typeof STATUS_OF];
        const fromDate = (event.data as { effectiveFrom: string }).effectiveFrom;
        timeline.statuses.push({ seq: event.version, status, fromDate } satisfies StatusEntry);
      }
    }
    const touched = [...timelines.values()];
    await bulkUpsert(
      tx,
      {
        table: 'rm_matter_timelines_v2',
        columns: { matter_id: 'text', code: 'text', versions: 'jsonb', statuses: 'jsonb' },
        key: ['matter_id'],
        onConflict: 'replace',
      },
      touched as unknown as Record<string, unknown>[],
    );
    await tx.query('DELETE FROM rm_matter_in_force_v2 WHERE matter_id = ANY($1)', [ids]);
    await bulkUpsert(
      tx,
      { table: 'rm_matter_in_force_v2', columns: PERIOD_COLUMNS, key: ['matter_id', 'valid_from'], onConflict: 'replace' },
      touched.flatMap(inForcePeriods) as unknown as Record<string, unknown>[],
    );
  }
}
