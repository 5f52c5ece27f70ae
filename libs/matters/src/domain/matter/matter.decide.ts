import { assertNotBefore, checkDate, checkText, checkTimestamp } from '@app/kernel';
import { assertNever } from '@app/kernel';
import { DomainError, DomainErrorDetail, assertNoProblems } from '@app/kernel';
import type { MatterElements } from '../matter-elements';
import { MATTER_ELEMENT_KEYS, validateMatterElements } from './matter-elements.rules';
import type { MatterCommand, RegisterMatter, ReviseMatter } from './matter.commands';
import type { MatterEvent } from './matter.events';
import type { MatterState } from './matter.state';

const CODE_PATTERN = /^\S{1,64}$/;
const VERB: Record<MatterCommand['type'], string> = {
  'matter.register': 'register',
  'matter.publish': 'publish',
  'matter.revise': 'revise',
  'matter.suspend': 'suspend',
  'matter.resume': 'resume',
  'matter.retire': 'retire',
};

/** Decides a matter command: the events to append, or a `DomainError`. Pure. */
export function decideMatter(command: MatterCommand, state: MatterState): MatterEvent[] {
  const problems: DomainErrorDetail[] = [];
  checkTimestamp(problems, 'at', command.data.at);
  if ('effectiveFrom' in command.data) checkDate(problems, 'effectiveFrom', command.data.effectiveFrom);
  if ('reason' in command.data) checkText(problems, 'reason', command.data.reason);
  assertNoProblems('invalid_command', problems);

  if (command.type === 'matter.register') return register(command, state);
  if (state.status === 'none') throw new DomainError('not_found', `cannot ${VERB[command.type]} a matter that is not registered`);
  const events = transition(command, state);
  // checked after the state: "cannot publish a retired matter" is the more useful refusal
  assertNotBefore(command.data.at, state.lastAt, VERB[command.type]);
  return events;
}

function transition(command: Exclude<MatterCommand, RegisterMatter>, state: Exclude<MatterState, { status: 'none' }>): MatterEvent[] {
  const refuse = (why?: string) => DomainError.illegalTransition('matter', state.status, VERB[command.type], why);
  const { matterId } = state;

  switch (command.type) {
    case 'matter.publish': {
      if (state.status !== 'draft') throw refuse(state.status === 'suspended' ? 'resume it instead' : undefined);
      const { effectiveFrom, at } = command.data;
      return [{ type: 'matter.published', data: { matterId, version: 1, effectiveFrom, elements: state.elements, at } }];
    }
    case 'matter.revise': {
      if (state.status !== 'published' && state.status !== 'suspended')
        throw refuse(state.status === 'draft' ? 'publish it first; a draft has no version to revise' : undefined);
      return [revise(command, matterId, state.latest)];
    }
    case 'matter.suspend': {
      if (state.status !== 'published') throw refuse();
      assertStatusDateInOrder(command.data.effectiveFrom, state.history.statusPeriods);
      const { reason, effectiveFrom, at } = command.data;
      return [{ type: 'matter.suspended', data: { matterId, reason: reason.trim(), effectiveFrom, at } }];
    }
    case 'matter.resume': {
      if (state.status !== 'suspended') throw refuse();
      assertStatusDateInOrder(command.data.effectiveFrom, state.history.statusPeriods);
      const { effectiveFrom, at } = command.data;
      return [{ type: 'matter.resumed', data: { matterId, effectiveFrom, at } }];
    }
    case 'matter.retire': {
      if (state.status === 'retired') throw refuse('it is retired already');
      assertStatusDateInOrder(command.data.effectiveFrom, state.history.statusPeriods);
      const { reason, effectiveFrom, at } = command.data;
      return [{ type: 'matter.retired', data: { matterId, reason: reason.trim(), effectiveFrom, at } }];
    }
    default:
      return assertNever(command, 'matter command');
  }
}

function register(command: RegisterMatter, state: MatterState): MatterEvent[] {
  const { matterId, code, elements, codeTaken, at } = command.data;
  if (state.status !== 'none')
    throw new DomainError('already_exists', `matter ${state.matterId} is already registered (state ${state.status})`);
  const problems: DomainErrorDetail[] = [];
  checkText(problems, 'matterId', matterId, 200);
  if (typeof code !== 'string' || !CODE_PATTERN.test(code))
    problems.push({ field: 'code', message: 'must be 1–64 characters without spaces' });
  assertNoProblems('invalid_command', problems);
  assertNoProblems('invalid_elements', validateMatterElements(elements));
  if (codeTaken)
    throw new DomainError('duplicate_code', `matter code ${code} is already used by another matter`, {
      details: [{ field: 'code', message: 'already used' }],
    });
  return [{ type: 'matter.registered', data: { matterId, code, elements, at } }];
}

function revise(
  command: ReviseMatter,
  matterId: string,
  latest: { version: number; effectiveFrom: string; elements: MatterElements },
): MatterEvent {
  const { changes, effectiveFrom, at } = command.data;
  const unknown = Object.keys(changes ?? {}).filter((key) => !(MATTER_ELEMENT_KEYS as string[]).includes(key));
  assertNoProblems(
    'invalid_command',
    unknown.map((field) => ({ field, message: 'is not a matter element' })),
  );
  const changed = Object.fromEntries(
    Object.entries(changes ?? {}).filter(
      ([key, value]) => JSON.stringify(value) !== JSON.stringify(latest.elements[key as keyof MatterElements]),
    ),
  ) as Partial<MatterElements>;
  if (Object.keys(changed).length === 0)
    throw DomainError.invalid('invalid_command', [{ field: 'changes', message: 'a revision must change at least one element' }]);
  const elements = { ...latest.elements, ...changed };
  assertNoProblems('invalid_elements', validateMatterElements(elements));
  if (effectiveFrom < latest.effectiveFrom)
    throw new DomainError(
      'out_of_order',
      `a revision cannot take effect (${effectiveFrom}) before version ${latest.version} (${latest.effectiveFrom})`,
      {
        details: [{ field: 'effectiveFrom', message: `must be on or after ${latest.effectiveFrom}` }],
      },
    );
  return { type: 'matter.revised', data: { matterId, version: latest.version + 1, effectiveFrom, changes: changed, elements, at } };
}

function assertStatusDateInOrder(effectiveFrom: string, periods: readonly { from: string }[]): void {
  const last = periods.at(-1);
  if (last && effectiveFrom < last.from)
    throw new DomainError('out_of_order', `a status change cannot take effect (${effectiveFrom}) before the previous one (${last.from})`, {
      details: [{ field: 'effectiveFrom', message: `must be on or after ${last.from}` }],
    });
}
