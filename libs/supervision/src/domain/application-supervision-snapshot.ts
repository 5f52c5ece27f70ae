import type { CalendarDate, WorkingDayCalendar } from '@app/kernel';
import { DEFERRED_MATERIALS_OVERDUE, type ApplicationState, type PausePeriod } from '@app/matters';

/**
 * What supervision needs to know of one application: enough for the warning level on any date
 * and for the sweep's plan. Built from the application's state (`toSupervisionSnapshot`) or, by
 * the read side, from a read-model row holding the same facts.
 */
export interface ApplicationSupervisionSnapshot {
  applicationId: string;
  departmentId: string;
  regionCode: string;
  /** business date of acceptance (day 0) */
  acceptedOn: CalendarDate;
  /** the matter version's promised limit in working days */
  promisedWorkdays: number;
  /** special procedures and suspensions (business timestamps; open ones `endedAt: null`) */
  pauses: readonly PausePeriod[];
  /** business date it stopped being open: completed or returned (退件); null while open */
  closedOn: CalendarDate | null;
  /** how it closed, when it did */
  closedAs: 'completed' | 'returned' | null;
  /** 容缺受理: the deferred materials, their due date and when they came (null: still outstanding) */
  deferredMaterials: { items: readonly string[]; dueOn: CalendarDate; receivedOn: CalendarDate | null } | null;
  /** whether its red card was issued already (the card id is `redCardIdOf(applicationId)`) */
  hasRedCard: boolean;
}

/** The snapshot of an accepted (or completed, returned) application's state; null before acceptance or when rejected. */
export function toSupervisionSnapshot(
  state: ApplicationState,
  hasRedCard: boolean,
  calendar: WorkingDayCalendar,
): ApplicationSupervisionSnapshot | null {
  if (state.status !== 'accepted' && state.status !== 'completed' && state.status !== 'delivered' && state.status !== 'returned')
    return null;
  const closedAt = state.status === 'returned' ? state.returnedAt : state.status === 'accepted' ? null : state.completedAt;
  const deferred = state.deferredMaterials;
  return {
    applicationId: state.applicationId,
    departmentId: state.matter.departmentId,
    regionCode: state.matter.regionCode,
    acceptedOn: calendar.businessDate(state.acceptedAt),
    promisedWorkdays: state.matter.promisedWorkdays,
    pauses: state.pauses,
    closedOn: closedAt === null ? null : calendar.businessDate(closedAt),
    closedAs: state.status === 'accepted' ? null : state.status === 'returned' ? 'returned' : 'completed',
    deferredMaterials: deferred
      ? {
          items: deferred.items,
          dueOn: deferred.dueOn,
          receivedOn: deferred.receivedAt === null ? null : calendar.businessDate(deferred.receivedAt),
        }
      : null,
    hasRedCard,
  };
}

/** Accepted on or before `date` and not closed by then. */
export const isOpenOn = (snapshot: ApplicationSupervisionSnapshot, date: CalendarDate): boolean =>
  snapshot.acceptedOn <= date && (snapshot.closedOn === null || snapshot.closedOn > date);

/**
 * A pause open at the end of business date `date`: started on or before it and not ended by then.
 * (A pause ending on `date` counts that day as paused in the deadline, but the application is
 * handled again on it, so it is supervised again.)
 */
export const openPausesOn = (snapshot: ApplicationSupervisionSnapshot, date: CalendarDate, calendar: WorkingDayCalendar): PausePeriod[] =>
  snapshot.pauses.filter(
    (pause) => calendar.businessDate(pause.startedAt) <= date && (pause.endedAt === null || calendar.businessDate(pause.endedAt) > date),
  );

/** Suspended by the sweep for overdue deferred materials, as of the end of `date`. */
export const suspendedForDeferredMaterialsOn = (
  snapshot: ApplicationSupervisionSnapshot,
  date: CalendarDate,
  calendar: WorkingDayCalendar,
): boolean =>
  openPausesOn(snapshot, date, calendar).some((pause) => pause.kind === 'suspension' && pause.detail === DEFERRED_MATERIALS_OVERDUE);
