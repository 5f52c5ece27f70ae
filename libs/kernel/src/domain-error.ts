/**
 * A refusal by a decider. Aggregates throw it from `decide`; the API's single exception filter
 * maps it to problem+json by `kind`: 'conflict' → 409, 'invalid' → 400, 'not_found' → 404,
 * 'forbidden' → 403 (a rule about who may do it, e.g. only the issue's own department).
 * Nothing else in the domain throws for business reasons.
 */

/** Machine-readable reasons. Known codes are listed for editors; other aggregates may add their own. */
export type DomainErrorCode =
  /** the command is not allowed in the aggregate's current state (409) */
  | 'illegal_transition'
  /** a matter code already used by another matter (409) */
  | 'duplicate_code'
  /** the stream already exists (409) */
  | 'already_exists'
  /** the command addresses a stream that does not exist (404) */
  | 'not_found'
  /** business time goes backwards within a stream, or effective dates out of order (409) */
  | 'out_of_order'
  /** the matter is not published and in force at the time of the command (409) */
  | 'not_in_force'
  /** matter elements break a catalogue rule (400) */
  | 'invalid_elements'
  /** any other malformed command field (400) */
  | 'invalid_command'
  /** the actor may not do this (403), e.g. another department's issue */
  | 'forbidden'
  /** personal data would be written in clear (400) */
  | 'personal_data_in_clear'
  | (string & {});

export type DomainErrorKind = 'conflict' | 'invalid' | 'not_found' | 'forbidden';

/** Field-level detail, the shape of problem+json `errors[]`. */
export interface DomainErrorDetail {
  field: string;
  message: string;
}

const INVALID_CODES = new Set<string>(['invalid_elements', 'invalid_command', 'personal_data_in_clear']);

function defaultKind(code: DomainErrorCode): DomainErrorKind {
  if (INVALID_CODES.has(code)) return 'invalid';
  if (code === 'not_found') return 'not_found';
  if (code === 'forbidden') return 'forbidden';
  return 'conflict';
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly kind: DomainErrorKind;
  readonly details: readonly DomainErrorDetail[];

  constructor(code: DomainErrorCode, message: string, options: { kind?: DomainErrorKind; details?: DomainErrorDetail[] } = {}) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.kind = options.kind ?? defaultKind(code);
    this.details = options.details ?? [];
  }

  /** "cannot publish a matter in state retired" — names both the state and the command. */
  static illegalTransition(aggregate: string, state: string, command: string, why?: string): DomainError {
    const article = /^[aeiou]/i.test(aggregate) ? 'an' : 'a';
    const suffix = why ? `: ${why}` : '';
    return new DomainError('illegal_transition', `cannot ${command} ${article} ${aggregate} in state ${state}${suffix}`, {
      details: [
        { field: 'state', message: state },
        { field: 'command', message: command },
      ],
    });
  }

  /** 400 with one entry per offending field. */
  static invalid(code: DomainErrorCode, details: DomainErrorDetail[]): DomainError {
    const summary = details.map((d) => `${d.field}: ${d.message}`).join('; ');
    return new DomainError(code, summary, { kind: 'invalid', details });
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** Throws `DomainError.invalid(code, problems)` when `problems` is not empty. */
export function assertNoProblems(code: DomainErrorCode, problems: DomainErrorDetail[]): void {
  if (problems.length > 0) throw DomainError.invalid(code, problems);
}
