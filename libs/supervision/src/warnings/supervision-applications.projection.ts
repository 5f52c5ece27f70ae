import type { ProjectedEvent, Projection, SqlExecutor } from '@app/event-store';
import { assertNever, businessCalendar, toBusinessDate, type CalendarDate } from '@app/kernel';
import { APPLICATION_EVENT_TYPES, applicationIdOf, type ApplicationEvent, type PausePeriod } from '@app/matters';
import type { ApplicationSupervisionSnapshot, RedCardEvent } from '../domain';
import { SUPERVISION_APPLICATIONS_TABLE } from '../shared/supervision-tables';

export const SUPERVISION_APPLICATIONS_PROJECTION = 'supervision-applications';

/** What supervision keeps of each application: the facts of its `ApplicationSupervisionSnapshot`, and its stream's last `at`. */
export interface SupervisionApplicationRow {
  application_id: string;
  matter_id: string;
  department_id: string;
  region_code: string;
  promised_workdays: number;
  accepted_on: CalendarDate | null;
  pauses: PausePeriod[];
  closed_on: CalendarDate | null;
  closed_as: 'completed' | 'returned' | null;
  deferred: { items: string[]; dueOn: CalendarDate; receivedOn: CalendarDate | null } | null;
  has_red_card: boolean;
  /** business time of the stream's last event: the sweep's commands may not be dated before it */
  last_at: string;
  version: number;
  position: number;
}

export const SUPERVISION_APPLICATION_COLUMNS = `application_id, matter_id, department_id, region_code, promised_workdays,
  accepted_on::text AS accepted_on, pauses, closed_on::text AS closed_on, closed_as, deferred, has_red_card, last_at, version,
  position::text AS position`;

type Handled = ApplicationEvent | Extract<RedCardEvent, { type: 'red-card.issued' }>;

/**
 * Each application's supervision facts (acceptance, promised working days, pauses, closing,
 * deferred materials, whether it has its red card), so the warnings of any date and the sweep's
 * plan are computed from one row per application. Its own table: the applications read model is
 * not touched. Events at or below a row's stored version are skipped (a replay changes nothing).
 */
export function supervisionApplicationsProjection(timeZone: string = businessCalendar().timeZone): Projection<Handled> {
  const dateOf = (at: string) => toBusinessDate(at, timeZone);
  return {
    name: SUPERVISION_APPLICATIONS_PROJECTION,
    version: 1,
    handles: [...APPLICATION_EVENT_TYPES, 'red-card.issued'],
    async reset(tx) {
      await tx.query(`TRUNCATE ${SUPERVISION_APPLICATIONS_TABLE}`);
    },
    async apply(events, tx) {
      const applicationEvents = events.filter((event): event is ProjectedEvent<ApplicationEvent> => event.type !== 'red-card.issued');
      const ids = [...new Set(applicationEvents.map((event) => applicationIdOf(event.streamId)))];
      const rows = await loadRows(tx, ids);
      const changed = new Set<string>();
      const carded: string[] = [];
      for (const recorded of events) {
        if (recorded.type === 'red-card.issued') {
          const row = rows.get(recorded.data.applicationId);
          if (row) {
            row.has_red_card = true;
            changed.add(row.application_id);
          } else carded.push(recorded.data.applicationId);
          continue;
        }
        const id = applicationIdOf(recorded.streamId);
        const current = rows.get(id);
        if (current && recorded.version <= current.version) continue;
        const next = evolveRow(current, recorded, dateOf);
        if (!next) continue;
        rows.set(id, { ...next, version: recorded.version, position: recorded.position, last_at: recorded.data.at });
        changed.add(id);
      }
      await saveRows(
        tx,
        [...changed].map((id) => rows.get(id)!),
      );
      if (carded.length > 0)
        await tx.query(
          `UPDATE ${SUPERVISION_APPLICATIONS_TABLE} SET has_red_card = true WHERE application_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [JSON.stringify(carded)],
        );
    },
  };
}

type RowFacts = Omit<SupervisionApplicationRow, 'version' | 'position' | 'last_at'>;

function evolveRow(
  row: SupervisionApplicationRow | undefined,
  event: ApplicationEvent,
  dateOf: (at: string) => CalendarDate,
): RowFacts | null {
  if (event.type === 'application.submitted') {
    if (row) return null;
    const { applicationId, matterId, matter } = event.data;
    return {
      application_id: applicationId,
      matter_id: matterId,
      department_id: matter.departmentId,
      region_code: matter.regionCode,
      promised_workdays: matter.promisedWorkdays,
      accepted_on: null,
      pauses: [],
      closed_on: null,
      closed_as: null,
      deferred: null,
      has_red_card: false,
    };
  }
  if (!row) return null;
  const { at } = event.data;
  const close = (kind: PausePeriod['kind']) =>
    row.pauses.map((pause) => (pause.kind === kind && pause.endedAt === null ? { ...pause, endedAt: at } : pause));
  switch (event.type) {
    case 'application.accepted': {
      const deferred = event.data.deferredMaterials;
      return {
        ...row,
        accepted_on: dateOf(at),
        deferred: deferred ? { items: deferred.items, dueOn: deferred.dueOn, receivedOn: null } : null,
      };
    }
    case 'application.special_procedure_started':
      return { ...row, pauses: [...row.pauses, { kind: 'special_procedure', detail: event.data.kind, startedAt: at, endedAt: null }] };
    case 'application.special_procedure_ended':
      return { ...row, pauses: close('special_procedure') };
    case 'application.suspended':
      return { ...row, pauses: [...row.pauses, { kind: 'suspension', detail: event.data.reason, startedAt: at, endedAt: null }] };
    case 'application.resumed':
      return { ...row, pauses: close('suspension') };
    case 'application.completed':
      return { ...row, closed_on: dateOf(at), closed_as: 'completed' };
    case 'application.returned':
      return { ...row, closed_on: dateOf(at), closed_as: 'returned' };
    case 'application.deferred_materials_received':
      return row.deferred ? { ...row, deferred: { ...row.deferred, receivedOn: dateOf(at) } } : row;
    case 'application.rejected':
    case 'application.supplement_requested':
    case 'application.supplement_received':
    case 'application.delivered':
    case 'application.evaluated':
      return row;
    default:
      return assertNever(event, 'application event');
  }
}

/** The snapshot of an accepted application's row (the sweep's and the warnings' input). */
export function toSnapshot(row: SupervisionApplicationRow): ApplicationSupervisionSnapshot {
  return {
    applicationId: row.application_id,
    departmentId: row.department_id,
    regionCode: row.region_code,
    acceptedOn: row.accepted_on!,
    promisedWorkdays: Number(row.promised_workdays),
    pauses: row.pauses,
    closedOn: row.closed_on,
    closedAs: row.closed_as,
    deferredMaterials: row.deferred,
    hasRedCard: row.has_red_card === true,
  };
}

async function loadRows(tx: SqlExecutor, ids: string[]): Promise<Map<string, SupervisionApplicationRow>> {
  if (ids.length === 0) return new Map();
  const found = await tx.query<SupervisionApplicationRow>(
    `SELECT ${SUPERVISION_APPLICATION_COLUMNS} FROM ${SUPERVISION_APPLICATIONS_TABLE}
      WHERE application_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(found.map((row) => [row.application_id, { ...row, version: Number(row.version), position: Number(row.position) }]));
}

async function saveRows(tx: SqlExecutor, rows: SupervisionApplicationRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof SupervisionApplicationRow)[];
  const updates = columns.filter((c) => c !== 'application_id').map((c) => `${c} = excluded.${c}`);
  await tx.query(
    `INSERT INTO ${SUPERVISION_APPLICATIONS_TABLE} (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${SUPERVISION_APPLICATIONS_TABLE}, $1::jsonb)
     ON CONFLICT (application_id) DO UPDATE SET ${updates.join(', ')}`,
    [JSON.stringify(rows)],
  );
}
