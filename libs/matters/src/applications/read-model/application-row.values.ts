import { ApplicationState, displayStatus, handlingClock, outstandingDeferredMaterials } from '../../domain';
import { WorkingDayCalendar } from '@app/kernel';

/** The columns of one `rm_application_files_v1` row, as the projection writes them (snake_case, JSON-ready). */
export interface ApplicationRowValues {
  application_id: string;
  version: number;
  position: number;
  matter_id: string;
  matter_code: string;
  department_id: string;
  region_code: string;
  channel: string;
  status: string;
  submitted_at: string;
  accepted_at: string | null;
  accepted_on: string | null;
  completed_on: string | null;
  outcome: string | null;
  visits: number | null;
  evaluation_score: number | null;
  deadline: string | null;
  open_pauses: number;
  completed_late: boolean;
  key_id: string;
  /** the due date of deferred materials still outstanding (容缺受理) */
  deferred_due_on: string | null;
  state: ApplicationState;
}

type Submitted = Exclude<ApplicationState, { status: 'none' }>;

/**
 * The row of a submitted application. The deadline is `handlingClock`'s (the one formula) as of
 * the last event, with the open pauses left out: what it is if they ended now. Completed ones
 * keep whether they were completed late — that never changes again.
 */
export function applicationRowValues(
  state: Submitted,
  stream: { applicationId: string; version: number; position: number },
  calendar: WorkingDayCalendar,
): ApplicationRowValues {
  const handled = 'acceptedAt' in state ? state : null;
  const closedOnly = handled ? { ...handled, pauses: handled.pauses.filter((pause) => pause.endedAt !== null) } : state;
  const clock = handlingClock(closedOnly, calendar.businessDate(state.lastAt), calendar);
  const decided = 'completedAt' in state ? state : null;
  return {
    application_id: stream.applicationId,
    version: stream.version,
    position: stream.position,
    matter_id: state.matterId,
    matter_code: state.matter.code,
    department_id: state.matter.departmentId,
    region_code: state.matter.regionCode,
    channel: state.channel,
    status: displayStatus(state),
    submitted_at: state.submittedAt,
    accepted_at: handled?.acceptedAt ?? null,
    accepted_on: clock.acceptedOn,
    completed_on: clock.completedOn,
    outcome: decided?.outcome ?? null,
    visits: decided?.visits ?? null,
    evaluation_score: decided?.evaluation?.score ?? null,
    deadline: clock.deadline,
    open_pauses: handled ? handled.pauses.filter((pause) => pause.endedAt === null).length : 0,
    completed_late: clock.completedOn !== null && clock.overdue,
    key_id: state.applicant.keyId,
    deferred_due_on: outstandingDeferredMaterials(state)?.dueOn ?? null,
    state,
  };
}
