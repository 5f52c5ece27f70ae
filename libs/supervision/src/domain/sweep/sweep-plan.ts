import type { CalendarDate, WorkingDayCalendar } from '@app/kernel';
import type { ReturnApplication, SuspendForDeferredMaterials } from '@app/matters';
import { isOpenOn, openPausesOn, type ApplicationSupervisionSnapshot } from '../application-supervision-snapshot';
import type { IssueRedCard } from '../red-card/red-card.commands';
import { redCardIdOf } from '../supervision-ids';
import type { SupervisionLimits } from '../supervision-limits';
import { supervisionWarning } from '../warnings/supervision-warning';

/** One command of the sweep, with the aggregate and stream id it goes to. */
export type SweepStep =
  | { aggregate: 'red-card'; id: string; command: IssueRedCard }
  | { aggregate: 'application'; id: string; command: SuspendForDeferredMaterials | ReturnApplication };

export interface SweepPlan {
  /** the business date swept */
  date: CalendarDate;
  steps: SweepStep[];
  counts: { cardsIssued: number; suspended: number; returned: number };
}

/**
 * What the sweep of business date D (the business date of `at`) must issue — everything that time
 * alone causes (domain.md, The sweep):
 * - 退件: an open application whose deferred materials are still missing on D, D being at least
 *   `returnAfterWorkdays` working days after their due date;
 * - 挂起: otherwise, one whose deferred materials are missing after their due date (from the
 *   working day after it) and that is not suspended on D;
 * - 红牌: otherwise, one red on D (past its deadline, not paused) without a card yet.
 * An application returned or suspended by this sweep is closed or paused on D, so it gets no card.
 *
 * Idempotent by construction: a returned application is not open, a suspended one is paused and
 * not suspended again, a carded one gets no second card — so the plan of a re-run, from snapshots
 * that include the first run's events, is empty. (And each command is refused by its decider when
 * it is stale: the red card's id is derived from the application's.)
 */
export function sweepPlan(
  at: string,
  snapshots: Iterable<ApplicationSupervisionSnapshot>,
  limits: Pick<SupervisionLimits, 'yellowWorkdays' | 'returnAfterWorkdays'>,
  calendar: WorkingDayCalendar,
): SweepPlan {
  const date = calendar.businessDate(at);
  const steps: SweepStep[] = [];
  const counts = { cardsIssued: 0, suspended: 0, returned: 0 };
  for (const snapshot of snapshots) {
    if (!isOpenOn(snapshot, date)) continue;
    const { applicationId } = snapshot;
    const deferred = snapshot.deferredMaterials;
    const missing = deferred !== null && (deferred.receivedOn === null || deferred.receivedOn > date);
    if (missing && date >= calendar.addWorkingDays(deferred.dueOn, limits.returnAfterWorkdays)) {
      steps.push({
        aggregate: 'application',
        id: applicationId,
        command: { type: 'application.return', data: { at, afterWorkdays: limits.returnAfterWorkdays } },
      });
      counts.returned += 1;
      continue;
    }
    const suspended = openPausesOn(snapshot, date, calendar).some((pause) => pause.kind === 'suspension');
    if (missing && !suspended && date >= calendar.addWorkingDays(deferred.dueOn, 1)) {
      steps.push({
        aggregate: 'application',
        id: applicationId,
        command: { type: 'application.suspend_for_deferred_materials', data: { at } },
      });
      counts.suspended += 1;
      continue;
    }
    if (snapshot.hasRedCard) continue;
    const warning = supervisionWarning(snapshot, date, calendar, limits);
    if (warning?.level !== 'red') continue;
    const cardId = redCardIdOf(applicationId);
    const { departmentId, regionCode } = snapshot;
    steps.push({
      aggregate: 'red-card',
      id: cardId,
      command: { type: 'red-card.issue', data: { cardId, applicationId, departmentId, regionCode, deadline: warning.deadline, at } },
    });
    counts.cardsIssued += 1;
  }
  return { date, steps, counts };
}
