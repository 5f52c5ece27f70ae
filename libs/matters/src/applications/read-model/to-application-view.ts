import { displayStatus, handlingClock } from '../../domain';
import type { ApplicationRecord } from './application.queries';
import type { ApplicationView } from './application.view';
import { CalendarDate, WorkingDayCalendar } from '@app/kernel';

/** A read-model row as the API shows it, the clock as of `asOf` (the domain's `handlingClock`). */
export function toApplicationView(row: ApplicationRecord, asOf: CalendarDate, calendar: WorkingDayCalendar): ApplicationView {
  const state = row.state;
  if (state.status === 'none') throw new Error(`read model row ${row.application_id} has no application`);
  const clock = handlingClock(state, asOf, calendar);
  const handled = 'acceptedAt' in state ? state : null;
  const decided = 'completedAt' in state ? state : null;
  const { kind, nameMasked, idNumberMasked } = state.applicant;
  return {
    id: row.application_id,
    matterId: state.matterId,
    matterCode: state.matter.code,
    matterVersion: state.matter.version,
    departmentId: state.matter.departmentId,
    regionCode: state.matter.regionCode,
    status: displayStatus(state),
    channel: state.channel,
    submittedAt: state.submittedAt,
    acceptedAt: handled?.acceptedAt ?? null,
    acceptedOn: handled ? calendar.businessDate(handled.acceptedAt) : null,
    deadline: clock.deadline,
    overdue: clock.overdue,
    pausedWorkdays: clock.pausedWorkdays,
    workdaysLeft: clock.workdaysLeft,
    asOf,
    completedAt: decided?.completedAt ?? null,
    completedOn: decided ? calendar.businessDate(decided.completedAt) : null,
    outcome: decided?.outcome ?? null,
    visits: decided?.visits ?? null,
    delivery: state.status === 'delivered' ? state.delivery : null,
    evaluation: decided?.evaluation ?? null,
    rejection: state.status === 'rejected' ? { reason: state.reason, at: state.rejectedAt } : null,
    supplementItems: state.status === 'supplement_requested' ? state.items : null,
    deferredMaterials: handled?.deferredMaterials
      ? {
          items: handled.deferredMaterials.items,
          dueOn: handled.deferredMaterials.dueOn,
          receivedOn: handled.deferredMaterials.receivedAt === null ? null : calendar.businessDate(handled.deferredMaterials.receivedAt),
        }
      : null,
    feedbackCaseId: row.feedback_case_id ?? null,
    pauses: handled ? handled.pauses.map(({ kind, detail, startedAt, endedAt }) => ({ kind, detail, startedAt, endedAt })) : [],
    applicant: { kind, name: nameMasked, idNumber: idNumberMasked, erased: !row.key_present },
    version: row.version,
    position: Number(row.position),
  };
}
