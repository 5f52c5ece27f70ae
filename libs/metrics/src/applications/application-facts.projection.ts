import type { RecordedEvent } from '@app/event-store/event-store.port';
import type { Projection } from '@app/event-store/projections/projection';
import type { SqlExecutor } from '@app/event-store/sql/sql-client';
import type { ApplicationEvent, ApplicationEventType } from '@app/matters/domain';
import { bulkUpsert } from '../shared/bulk-upsert';
import { businessCalendar } from '../shared/business-calendar';
import { APPLICATION_FACT_COLUMNS, APPLICATION_FACT_SELECT, type ApplicationFact } from './application-fact';
import { applyApplicationEvent } from './apply-application-event';
import { DailyCounters } from './daily-counters';

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
];

/**
 * Application facts and the daily counters behind the application-level indicators and the
 * operational figures. Per batch: read the touched rows once, fold the events in memory, write the
 * changed rows and the counter increments with one multi-row upsert per table.
 */
export class ApplicationFactsProjection implements Projection {
  readonly name = 'assessment-applications';
  readonly version = 1;
  readonly handles = HANDLED;

  async setup(): Promise<void> {
    // tables come from the TypeORM migration AssessmentApplicationFacts1764400000001
  }

  async reset(tx: SqlExecutor): Promise<void> {
    await tx.query('TRUNCATE rm_applications_v1, rm_acceptances_daily_v1, rm_completions_daily_v1, rm_evaluations_daily_v1');
  }

  async apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void> {
    const calendar = businessCalendar();
    const ids = [...new Set(events.map((event) => (event.data as { applicationId: string }).applicationId))];
    const stored = await tx.query<ApplicationFact>(
      `SELECT ${APPLICATION_FACT_SELECT} FROM rm_applications_v1 WHERE application_id = ANY($1)`,
      [ids],
    );
    const facts = new Map(stored.map((row) => [row.application_id, row]));
    const changed = new Set<string>();
    const counters = new DailyCounters();
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ApplicationEvent;
      const before = facts.get(event.data.applicationId);
      const after = applyApplicationEvent(before, event, calendar, counters);
      if (after && after !== before) {
        facts.set(after.application_id, after);
        changed.add(after.application_id);
      }
    }
    const rows = [...changed].map((id) => facts.get(id)!);
    await bulkUpsert(
      tx,
      { table: 'rm_applications_v1', columns: APPLICATION_FACT_COLUMNS, key: ['application_id'], onConflict: 'replace' },
      rows as unknown as Record<string, unknown>[],
    );
    const day = { day: 'date', department_id: 'text', region_code: 'text' };
    await bulkUpsert(
      tx,
      {
        table: 'rm_acceptances_daily_v1',
        columns: { ...day, channel: 'text', accepted: 'int' },
        key: ['day', 'department_id', 'region_code', 'channel'],
        onConflict: 'add',
      },
      [...counters.acceptances.values()],
    );
    await bulkUpsert(
      tx,
      {
        table: 'rm_completions_daily_v1',
        columns: { ...day, completed: 'int', on_time: 'int', zero_visit: 'int' },
        key: ['day', 'department_id', 'region_code'],
        onConflict: 'add',
      },
      [...counters.completions.values()],
    );
    await bulkUpsert(
      tx,
      {
        table: 'rm_evaluations_daily_v1',
        columns: { ...day, score: 'smallint', evaluations: 'int' },
        key: ['day', 'department_id', 'region_code', 'score'],
        onConflict: 'add',
      },
      [...counters.evaluations.values()],
    );
  }
}
