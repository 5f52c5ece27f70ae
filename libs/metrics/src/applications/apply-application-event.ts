import { pausedWorkdays, type ApplicationEvent, type PausePeriod } from '@app/matters';
import type { ApplicationFact } from './application-fact';
import type { DailyCounters } from './daily-counters';
import { type WorkingDayCalendar } from '@app/kernel';

const FOREVER = '9999-12-31';

/**
 * Folds one application event into its fact row and the day counters. Written to be replay-safe:
 * a fact already recorded (accepted, completed, evaluated, a pause with the same start) is not
 * counted twice. Returns the row (new or changed), or undefined when the event has no row.
 */
export function applyApplicationEvent(
  fact: ApplicationFact | undefined,
  event: ApplicationEvent,
  calendar: WorkingDayCalendar,
  counters: DailyCounters,
): ApplicationFact | undefined {
  const day = calendar.businessDate(event.data.at);
  if (event.type === 'application.submitted') {
    if (fact) return fact;
    const { applicationId, matterId, matter, channel } = event.data;
    return {
      application_id: applicationId,
      matter_id: matterId,
      matter_code: matter.code,
      department_id: matter.departmentId,
      region_code: matter.regionCode,
      channel,
      promised_workdays: matter.promisedWorkdays,
      submitted_on: day,
      rejected_on: null,
      accepted_on: null,
      pauses: [],
      paused_since: null,
      deadline: null,
      completed_on: null,
      on_time: null,
      visits: null,
      outcome: null,
      delivered_on: null,
      score: null,
      evaluated_on: null,
      returned_on: null,
    };
  }
  if (!fact) return undefined;
  const row: ApplicationFact = { ...fact };
  switch (event.type) {
    case 'application.rejected':
      row.rejected_on ??= day;
      break;
    case 'application.accepted':
      if (row.accepted_on !== null) break;
      row.accepted_on = day;
      row.channel = event.data.channel;
      counters.accepted(day, row.department_id, row.region_code, row.channel);
      break;
    case 'application.special_procedure_started':
    case 'application.suspended': {
      const kind = event.type === 'application.suspended' ? 'suspension' : 'special_procedure';
      if (row.pauses.some((pause) => pause.kind === kind && pause.startedAt === event.data.at)) break;
      const detail = 'kind' in event.data ? event.data.kind : event.data.reason;
      row.pauses = [...row.pauses, { kind, detail, startedAt: event.data.at, endedAt: null }];
      break;
    }
    case 'application.special_procedure_ended':
    case 'application.resumed': {
      const kind = event.type === 'application.resumed' ? 'suspension' : 'special_procedure';
      row.pauses = row.pauses.map((pause) =>
        pause.kind === kind && pause.endedAt === null ? { ...pause, endedAt: event.data.at } : pause,
      );
      break;
    }
    case 'application.completed':
      if (row.completed_on !== null || row.accepted_on === null || row.returned_on !== null) break;
      row.completed_on = day;
      row.visits = event.data.visits;
      row.outcome = event.data.outcome;
      row.on_time = day <= deadlineOn(row, calendar, day);
      counters.completed(day, row.department_id, row.region_code, row.on_time, row.visits === 0);
      break;
    case 'application.delivered':
      row.delivered_on ??= day;
      break;
    case 'application.returned':
      // 退件: terminal; stays counted as accepted, never as completed or on time
      if (row.accepted_on === null || row.completed_on !== null) break;
      row.returned_on ??= day;
      break;
    case 'application.evaluated':
      if (row.score !== null) break;
      row.score = event.data.score;
      row.evaluated_on = day;
      counters.evaluated(day, row.department_id, row.region_code, row.score);
      break;
    default:
      return row;
  }
  return withClock(row, calendar);
}

/** The deadline counting the pauses as of `asOf` (closed ones whole, open ones up to `asOf`). */
function deadlineOn(row: ApplicationFact, calendar: WorkingDayCalendar, asOf: string): string {
  return calendar.addWorkingDays(row.accepted_on!, row.promised_workdays + pausedWorkdays(row.pauses, asOf, calendar));
}

/** Stored deadline (closed pauses only) and the start of the earliest open pause. */
function withClock(row: ApplicationFact, calendar: WorkingDayCalendar): ApplicationFact {
  if (row.accepted_on === null) return row;
  const closed: PausePeriod[] = row.pauses.filter((pause) => pause.endedAt !== null);
  const open = row.pauses.filter((pause) => pause.endedAt === null).map((pause) => calendar.businessDate(pause.startedAt));
  row.deadline = calendar.addWorkingDays(row.accepted_on, row.promised_workdays + pausedWorkdays(closed, FOREVER, calendar));
  row.paused_since = open.length > 0 ? open.sort()[0] : null;
  return row;
}
