import { QUALITY_ISSUES_PROJECTION } from '@app/audit';
import { PostgresEventStore, type EventStore, type ProjectionRunner, type SqlClient } from '@app/event-store';
import { FEEDBACK_CASES_PROJECTION } from '../feedback-cases/read-model/feedback-cases.projection';
import { RED_CARDS_PROJECTION } from '../red-cards/read-model/red-cards.projection';
import { SUPERVISION_APPLICATIONS_PROJECTION } from '../warnings/supervision-applications.projection';
import { SWEEPS_PROJECTION } from './sweeps.projection';

const CATCH_UP_MS = 60_000;

/**
 * Waits until the read models the sweep reads (the applications' facts, the cards, the recorded
 * sweeps, and for the daily notices the 差评 cases and the quality issues) have processed every event appended so far — so the sweep plans from the store's
 * present, not from a read model a few events behind. The head is the events table's last
 * position (PostgreSQL and PGlite); with EventStoreDB it is not known here and nothing is awaited.
 */
export function supervisionCatchUp(store: EventStore, sql: SqlClient, runner: ProjectionRunner): () => Promise<void> {
  return async () => {
    if (!(store instanceof PostgresEventStore)) return;
    const [{ head }] = await sql.query<{ head: string | null }>('SELECT max(position)::text AS head FROM es_events');
    if (head === null) return;
    for (const projection of [
      SUPERVISION_APPLICATIONS_PROJECTION,
      RED_CARDS_PROJECTION,
      SWEEPS_PROJECTION,
      FEEDBACK_CASES_PROJECTION,
      QUALITY_ISSUES_PROJECTION,
    ])
      if (!(await runner.waitForPosition(Number(head), CATCH_UP_MS, { projection })))
        throw new Error(`the ${projection} read model did not reach position ${head} within ${CATCH_UP_MS / 1000} s`);
  };
}
