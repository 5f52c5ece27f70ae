import { assertNever } from '@app/kernel';
import type { ApplicationEvent } from './application.events';
import type { AcceptedApplication, ApplicationState } from './application.state';
import type { PausePeriod } from './pause-periods';

const closePause = (pauses: PausePeriod[], kind: PausePeriod['kind'], at: string): PausePeriod[] =>
  pauses.map((pause) => (pause.kind === kind && pause.endedAt === null ? { ...pause, endedAt: at } : pause));

const paused = (state: AcceptedApplication, pause: PausePeriod, at: string): AcceptedApplication => ({
  ...state,
  pauses: [...state.pauses, pause],
  lastAt: at,
});

/** Applies one event; an event that does not fit the state (a corrupted stream) leaves it unchanged. */
export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  const { type, data } = event;
  if (type === 'application.submitted') {
    const { applicationId, matterId, matter, channel, applicant, at } = data;
    return { status: 'submitted', applicationId, matterId, matter, channel, applicant, submittedAt: at, lastAt: at };
  }
  if (state.status === 'none') return state;
  const at = data.at;

  switch (type) {
    case 'application.rejected':
      return state.status === 'submitted' || state.status === 'supplement_requested'
        ? { ...withoutStage(state), status: 'rejected', reason: data.reason, rejectedAt: at, lastAt: at }
        : state;
    case 'application.supplement_requested':
      return state.status === 'submitted' ? { ...state, status: 'supplement_requested', items: data.items, lastAt: at } : state;
    case 'application.supplement_received':
      return state.status === 'supplement_requested' ? { ...withoutStage(state), status: 'submitted', lastAt: at } : state;
    case 'application.accepted': {
      if (state.status !== 'submitted') return state;
      const deferred = data.deferredMaterials;
      return {
        ...state,
        status: 'accepted',
        acceptedAt: at,
        pauses: [],
        ...(deferred ? { deferredMaterials: { items: deferred.items, dueOn: deferred.dueOn, receivedAt: null } } : {}),
        lastAt: at,
      };
    }
    case 'application.deferred_materials_received':
      return state.status === 'accepted' && state.deferredMaterials
        ? { ...state, deferredMaterials: { ...state.deferredMaterials, receivedAt: at }, lastAt: at }
        : state;
    case 'application.returned':
      return state.status === 'accepted' ? { ...state, status: 'returned', returnedAt: at, lastAt: at } : state;
    case 'application.special_procedure_started':
      return state.status === 'accepted'
        ? paused(state, { kind: 'special_procedure', detail: data.kind, startedAt: at, endedAt: null }, at)
        : state;
    case 'application.suspended':
      return state.status === 'accepted'
        ? paused(state, { kind: 'suspension', detail: data.reason, startedAt: at, endedAt: null }, at)
        : state;
    case 'application.special_procedure_ended':
      return state.status === 'accepted' ? { ...state, pauses: closePause(state.pauses, 'special_procedure', at), lastAt: at } : state;
    case 'application.resumed':
      return state.status === 'accepted' ? { ...state, pauses: closePause(state.pauses, 'suspension', at), lastAt: at } : state;
    case 'application.completed':
      return state.status === 'accepted'
        ? { ...state, status: 'completed', completedAt: at, outcome: data.outcome, visits: data.visits, evaluation: null, lastAt: at }
        : state;
    case 'application.delivered':
      return state.status === 'completed' ? { ...state, status: 'delivered', delivery: { method: data.method, at }, lastAt: at } : state;
    case 'application.evaluated':
      return state.status === 'completed' || state.status === 'delivered'
        ? { ...state, evaluation: { score: data.score, ...(data.comment !== undefined ? { comment: data.comment } : {}), at }, lastAt: at }
        : state;
    default:
      return assertNever(type, 'application event');
  }
}

/** Drops the fields of the intake stage (`items`) when leaving it. */
function withoutStage<T extends { status: string }>(state: T): Omit<T, 'items' | 'status'> {
  const { items: _items, status: _status, ...rest } = state as T & { items?: unknown };
  return rest;
}
