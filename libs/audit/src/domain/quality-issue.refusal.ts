/**
 * How the quality-issue decider refuses: always a `DomainError` (mapped to problem+json by the one
 * exception filter). Permission refusals carry code `forbidden`, meant for 403.
 */
import { DomainError, type DomainErrorDetail } from '@app/kernel';

export const FORBIDDEN = 'forbidden';

export function refuseForbidden(reason: string): never {
  throw new DomainError(FORBIDDEN, reason);
}

/** 409: the command does not fit the issue's state (`state` is `none` when the issue does not exist). */
export function refuseTransition(state: string, command: string, why?: string): never {
  if (state === 'none') throw new DomainError('not_found', `cannot ${command}: the quality issue does not exist`);
  throw DomainError.illegalTransition('quality issue', state, command, why);
}

/** 409: a quality issue with this id has already been logged. */
export function refuseExisting(issueId: string, state: string): never {
  throw new DomainError('already_exists', `quality issue ${issueId} already exists (it is ${state})`);
}

/** 400 with one detail per offending field. */
export function refuseInvalid(problems: DomainErrorDetail[]): never {
  throw DomainError.invalid('invalid_command', problems);
}
