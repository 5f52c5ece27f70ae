import type { ProjectedEvent, Projection } from '@app/event-store';
import { loadStoredRows } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';
import type { ApplicationEvent, ApplicationEventType } from '@app/matters';
import { bulkUpsert } from '../shared/bulk-upsert';
import { businessCalendar } from '@app/kernel';
import { APPLICATION_FACT_COLUMNS, APPLICATION_FACT_SELECT, type ApplicationFact } from './application-fact';
import { applyApplicationEvent } from './apply-application-event';
import { ALL_ZERO, COUNTER_COLUMNS, COUNTER_KEY, DailyCounters, DELETE_ZERO_COUNTERS } from './daily-counters';
import { countIntervals } from './open-intervals';

const HANDLED: readonly ApplicationEventType[] = [
  'application.submitted',
  'application.rejected',
  'application.accepted',
  'application.special_procedure_started',
  'application.special_procedure_ended',
  'application.suspended',
  'application.resumed',
  'application.completed',
  'application.delivered',
  'application.evaluated',
  'application.returned',
];

/**
 * Application facts and the counters behind the application-level indicators and the operational
 * figures (tables of `AssessmentApplicationFactsV2…`). Per batch: read the touched rows once, fold
 * the events in memory, write the changed rows and the counter increments (by day and by month,
 * and the open/overdue deltas of each changed row: its intervals after minus before) with one
 * multi-row upsert per table.
 */
export class ApplicationFactsProjection implements Projection<ApplicationEvent> {
  readonly name = 'assessment-applications';
  readonly version = 2;
  readonly handles = HANDLED;

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('TRUNCATE rm_applications_v2, rm_application_counters_v2');
  }

  async apply(events: ProjectedEvent<ApplicationEvent>[], tx: SqlExecutor): Promise<void> {
    const calendar = businessCalendar();
    // an application submitted in this batch has no fact yet (unless the batch is a replay: see loadStoredRows)
    const before = await loadStoredRows(
      events,
      {
        streamOf: (event) => event.data.applicationId,
        isNew: (event) => event.type === 'application.submitted',
      },
      (ids) => tx.query<ApplicationFact>(`SELECT ${APPLICATION_FACT_SELECT} FROM rm_applications_v2 WHERE application_id = ANY($1)`, [ids]),
      (row) => row.application_id,
    );
    const facts = new Map(before);
    const changed = new Set<string>();
    const counters = new DailyCounters();
    for (const event of events) {
      const current = facts.get(event.data.applicationId);
      const after = applyApplicationEvent(current, event, calendar, counters);
      if (after && after !== current) {
        facts.set(after.application_id, after);
        changed.add(after.application_id);
      }
    }
    const rows = [...changed].map((id) => facts.get(id)!);
    for (const row of rows) {
      const old = before.get(row.application_id);
      if (old) countIntervals(old, -1, counters);
      countIntervals(row, 1, counters);
    }
    await bulkUpsert(
      tx,
      { table: 'rm_applications_v2', columns: APPLICATION_FACT_COLUMNS, key: ['application_id'], onConflict: 'replace' },
      rows as unknown as Record<string, unknown>[],
    );
    const zeroed = await bulkUpsert(
      tx,
      {
        table: 'rm_application_counters_v2',
        columns: COUNTER_COLUMNS,
        key: COUNTER_KEY,
        onConflict: 'add',
        returnKeysWhere: ALL_ZERO,
      },
      counters.rows() as unknown as Record<string, unknown>[],
    );
    if (zeroed.length > 0) await tx.query(DELETE_ZERO_COUNTERS, [JSON.stringify(zeroed)]);
  }
}
