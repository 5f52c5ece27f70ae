import { assertNotBefore, businessCalendar } from '@app/kernel';
import { assertNever } from '@app/kernel';
import { DomainError, assertNoProblems } from '@app/kernel';
import { applicationCommandProblems, clearPersonalDataProblems } from './application-command.checks';
import type { ApplicationCommand, SubmitApplication } from './application.commands';
import { DEFERRED_MATERIALS_MISSING, DEFERRED_MATERIALS_OVERDUE, type ApplicationEvent } from './application.events';
import { ApplicationState, openPause, outstandingDeferredMaterials } from './application.state';
import { deferredMaterialsOfAcceptance, deferredReturnDate, deferredSuspensionDate } from './deferred-materials';

const VERB: Record<ApplicationCommand['type'], string> = {
  'application.submit': 'submit',
  'application.reject': 'reject',
  'application.request_supplement': 'request a supplement for',
  'application.receive_supplement': 'receive a supplement for',
  'application.accept': 'accept',
  'application.start_special_procedure': 'start a special procedure for',
  'application.end_special_procedure': 'end a special procedure of',
  'application.suspend': 'suspend',
  'application.resume': 'resume',
  'application.complete': 'complete',
  'application.deliver': 'deliver the result of',
  'application.evaluate': 'evaluate',
  'application.receive_deferred_materials': 'receive the deferred materials of',
  'application.suspend_for_deferred_materials': 'suspend for deferred materials',
  'application.return': 'return',
};

/** Decides an application command: the events to append, or a `DomainError`. Pure. */
export function decideApplication(command: ApplicationCommand, state: ApplicationState): ApplicationEvent[] {
  assertNoProblems('invalid_command', applicationCommandProblems(command));
  if (command.type === 'application.submit') return submit(command, state);
  if (state.status === 'none') throw new DomainError('not_found', `cannot ${VERB[command.type]} an application that was never submitted`);
  const events = transition(command, state);
  assertNotBefore(command.data.at, state.lastAt, VERB[command.type]);
  return events;
}

function submit(command: SubmitApplication, state: ApplicationState): ApplicationEvent[] {
  if (state.status !== 'none')
    throw new DomainError('already_exists', `application ${state.applicationId} was already submitted (state ${state.status})`);
  assertNoProblems('personal_data_in_clear', clearPersonalDataProblems(command.data));
  const { applicationId, matterId, matter, channel, applicant, at } = command.data;
  if (!matter)
    throw new DomainError('not_in_force', `matter ${matterId} is not published and in force at ${at}`, {
      details: [{ field: 'matterId', message: 'not in force' }],
    });
  const { kind, keyId, sealed, idNumberMasked, nameMasked } = applicant;
  return [
    {
      type: 'application.submitted',
      data: { applicationId, matterId, matter, channel, applicant: { kind, keyId, sealed, idNumberMasked, nameMasked }, at },
    },
  ];
}

function transition(
  command: Exclude<ApplicationCommand, SubmitApplication>,
  state: Exclude<ApplicationState, { status: 'none' }>,
): ApplicationEvent[] {
  const refuse = (why?: string) => DomainError.illegalTransition('application', state.status, VERB[command.type], why);
  const { applicationId } = state;
  const at = command.data.at;

  switch (command.type) {
    case 'application.reject':
      if (state.status !== 'submitted' && state.status !== 'supplement_requested')
        throw refuse('only an application not yet accepted can be refused at intake');
      return [{ type: 'application.rejected', data: { applicationId, reason: command.data.reason.trim(), at } }];
    case 'application.request_supplement':
      if (state.status !== 'submitted') throw refuse(state.status === 'accepted' ? 'after acceptance, suspend it instead' : undefined);
      return [
        { type: 'application.supplement_requested', data: { applicationId, items: command.data.items.map((item) => item.trim()), at } },
      ];
    case 'application.receive_supplement':
      if (state.status !== 'supplement_requested') throw refuse('no supplement was requested');
      return [{ type: 'application.supplement_received', data: { applicationId, at } }];
    case 'application.accept':
      if (state.status !== 'submitted')
        throw refuse(state.status === 'supplement_requested' ? 'the requested supplement has not been received' : undefined);
      {
        const deferredMaterials = deferredMaterialsOfAcceptance(command, state);
        return [
          {
            type: 'application.accepted',
            data: { applicationId, channel: state.channel, ...(deferredMaterials ? { deferredMaterials } : {}), at },
          },
        ];
      }
    case 'application.start_special_procedure':
      if (state.status !== 'accepted') throw refuse();
      if (openPause(state, 'special_procedure')) throw refuse('a special procedure is already open; end it first');
      return [{ type: 'application.special_procedure_started', data: { applicationId, kind: command.data.kind.trim(), at } }];
    case 'application.end_special_procedure': {
      const open = state.status === 'accepted' ? openPause(state, 'special_procedure') : undefined;
      if (!open) throw refuse('no special procedure is open');
      return [{ type: 'application.special_procedure_ended', data: { applicationId, kind: open.detail, at } }];
    }
    case 'application.suspend':
      if (state.status !== 'accepted') throw refuse();
      if (openPause(state, 'suspension')) throw refuse('it is suspended already');
      return [{ type: 'application.suspended', data: { applicationId, reason: command.data.reason.trim(), at } }];
    case 'application.resume': {
      const open = state.status === 'accepted' ? openPause(state, 'suspension') : undefined;
      if (!open) throw refuse('it is not suspended');
      if (open.detail === DEFERRED_MATERIALS_OVERDUE) throw refuse('it waits for its deferred materials; record their receipt instead');
      return [{ type: 'application.resumed', data: { applicationId, at } }];
    }
    case 'application.complete':
      if (state.status !== 'accepted') throw refuse();
      if (outstandingDeferredMaterials(state)) throw refuse('its deferred materials have not been received');
      if (openPause(state, 'suspension')) throw refuse('it is suspended; resume it first');
      if (openPause(state, 'special_procedure')) throw refuse('a special procedure is open; end it first');
      return [{ type: 'application.completed', data: { applicationId, outcome: command.data.outcome, visits: command.data.visits, at } }];
    case 'application.deliver':
      if (state.status !== 'completed')
        throw refuse(
          state.status === 'delivered' ? 'the result was delivered already' : 'only a completed application has a result to deliver',
        );
      return [{ type: 'application.delivered', data: { applicationId, method: command.data.method, at } }];
    case 'application.evaluate': {
      if (state.status !== 'completed' && state.status !== 'delivered') throw refuse('only a completed application can be evaluated');
      if (state.evaluation) throw refuse(`it was evaluated already (score ${state.evaluation.score}); an evaluation is given once`);
      const comment = command.data.comment?.trim();
      return [{ type: 'application.evaluated', data: { applicationId, score: command.data.score, ...(comment ? { comment } : {}), at } }];
    }
    case 'application.receive_deferred_materials': {
      const outstanding = outstandingDeferredMaterials(state);
      if (state.status !== 'accepted' || !outstanding) throw refuse('no deferred materials are outstanding');
      const waiting = openPause(state, 'suspension')?.detail === DEFERRED_MATERIALS_OVERDUE;
      return [
        { type: 'application.deferred_materials_received', data: { applicationId, items: outstanding.items, at } },
        ...(waiting ? [{ type: 'application.resumed' as const, data: { applicationId, at } }] : []),
      ];
    }
    case 'application.suspend_for_deferred_materials': {
      const outstanding = outstandingDeferredMaterials(state);
      if (state.status !== 'accepted' || !outstanding) throw refuse('no deferred materials are outstanding');
      if (openPause(state, 'suspension')) throw refuse('it is suspended already');
      const from = deferredSuspensionDate(outstanding);
      if (businessCalendar().businessDate(at) < from)
        throw refuse(`its deferred materials are due on ${outstanding.dueOn}; the sweep suspends from ${from}`);
      return [{ type: 'application.suspended', data: { applicationId, reason: DEFERRED_MATERIALS_OVERDUE, at } }];
    }
    case 'application.return': {
      const outstanding = outstandingDeferredMaterials(state);
      if (state.status !== 'accepted' || !outstanding) throw refuse('no deferred materials are outstanding');
      const from = deferredReturnDate(outstanding, command.data.afterWorkdays);
      if (businessCalendar().businessDate(at) < from)
        throw refuse(`its deferred materials are due on ${outstanding.dueOn}; it may be returned from ${from}`);
      return [{ type: 'application.returned', data: { applicationId, reason: DEFERRED_MATERIALS_MISSING, items: outstanding.items, at } }];
    }
    default:
      return assertNever(command, 'application command');
  }
}
