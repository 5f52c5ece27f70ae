import {
  DomainError,
  assertNever,
  assertNoProblems,
  assertNotBefore,
  businessCalendar,
  checkDate,
  checkText,
  checkTimestamp,
} from '@app/kernel';
import type { DomainErrorDetail } from '@app/kernel';
import { redCardIdOf } from '../supervision-ids';
import type { IssueRedCard, RedCardCommand } from './red-card.commands';
import type { RedCardEvent } from './red-card.events';
import type { RedCardState } from './red-card.state';

const VERB: Record<RedCardCommand['type'], string> = {
  'red-card.issue': 'issue',
  'red-card.explain': 'explain',
  'red-card.review': 'review',
};

/** Decides a red-card command: the events to append, or a `DomainError`. Pure. */
export function decideRedCard(command: RedCardCommand, state: RedCardState): RedCardEvent[] {
  assertNoProblems('invalid_command', redCardCommandProblems(command));
  if (command.type === 'red-card.issue') return issue(command, state);
  if (state.status === 'none') throw new DomainError('not_found', `cannot ${VERB[command.type]} a red card that was never issued`);
  const refuse = (why: string) => DomainError.illegalTransition('red card', state.status, VERB[command.type], why);
  const { cardId } = state;
  const { at } = command.data;
  assertNotBefore(at, state.lastAt, VERB[command.type]);

  switch (command.type) {
    case 'red-card.explain':
      if (state.status === 'explained') throw refuse('it is explained already and awaits review');
      if (state.status === 'closed') throw refuse('it is closed');
      return [{ type: 'red-card.explained', data: { cardId, text: command.data.text.trim(), at } }];
    case 'red-card.review': {
      if (state.status !== 'explained') throw refuse(state.status === 'closed' ? 'it is closed' : 'there is no explanation to review');
      const comment = command.data.comment?.trim();
      return [{ type: 'red-card.reviewed', data: { cardId, accepted: command.data.accepted, ...(comment ? { comment } : {}), at } }];
    }
    default:
      return assertNever(command, 'red-card command');
  }
}

function issue(command: IssueRedCard, state: RedCardState): RedCardEvent[] {
  const { cardId, applicationId, departmentId, regionCode, deadline, at } = command.data;
  if (state.status !== 'none')
    throw new DomainError('already_exists', `application ${state.applicationId} has a red card already (issued ${state.issuedOn})`);
  const issuedOn = businessCalendar().businessDate(at);
  if (issuedOn <= deadline)
    throw DomainError.illegalTransition('red card', 'none', 'issue', `the application is not past its deadline ${deadline} on ${issuedOn}`);
  return [{ type: 'red-card.issued', data: { cardId, applicationId, departmentId, regionCode, level: 'red', issuedOn, deadline, at } }];
}

function redCardCommandProblems(command: RedCardCommand): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  checkTimestamp(problems, 'at', command.data.at);
  switch (command.type) {
    case 'red-card.issue': {
      const { cardId, applicationId, departmentId, regionCode, deadline } = command.data;
      checkText(problems, 'applicationId', applicationId, 200);
      checkText(problems, 'departmentId', departmentId, 200);
      checkText(problems, 'regionCode', regionCode, 200);
      checkDate(problems, 'deadline', deadline);
      if (typeof applicationId === 'string' && cardId !== redCardIdOf(applicationId))
        problems.push({ field: 'cardId', message: 'must be redCardIdOf(applicationId): one card per application' });
      break;
    }
    case 'red-card.explain':
      checkText(problems, 'text', command.data.text, 5000);
      break;
    case 'red-card.review':
      if (typeof command.data.accepted !== 'boolean') problems.push({ field: 'accepted', message: 'must be true or false' });
      if (command.data.comment !== undefined) checkText(problems, 'comment', command.data.comment, 5000);
      break;
    default:
      return assertNever(command, 'red-card command');
  }
  return problems;
}
