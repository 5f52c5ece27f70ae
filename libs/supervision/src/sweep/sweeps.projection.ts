import type { Projection } from '@app/event-store';
import { SWEEP_EVENT_TYPES, type SupervisionSwept } from '../domain';
import { SWEEPS_TABLE } from '../shared/supervision-tables';

export const SWEEPS_PROJECTION = 'supervision-sweeps';

/** The recorded sweeps, one row per business date: where the schedule's catch-up resumes. */
export const sweepsProjection: Projection<SupervisionSwept> = {
  name: SWEEPS_PROJECTION,
  version: 1,
  handles: SWEEP_EVENT_TYPES,
  async reset(tx) {
    await tx.query(`TRUNCATE ${SWEEPS_TABLE}`);
  },
  async apply(events, tx) {
    const rows = events.map(({ data, position }) => ({
      date: data.date,
      trigger: data.trigger,
      counts: data.counts,
      at: data.at,
      position,
    }));
    await tx.query(
      `INSERT INTO ${SWEEPS_TABLE} (date, trigger, counts, at, position)
       SELECT date, trigger, counts, at, position FROM jsonb_populate_recordset(NULL::${SWEEPS_TABLE}, $1::jsonb)
       ON CONFLICT (date) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  },
};
