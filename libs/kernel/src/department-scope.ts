import { DomainError } from './domain-error';

/** Who asks, as far as scope goes: the roles and the department a verified token names. */
export interface ScopedActor {
  roles: readonly string[];
  departmentId?: string;
}

/**
 * The department scope rule (api.md "Security"), for every context: a caller whose token names a
 * department sees and handles that department's matters, applications and issues only; `admin`
 * and callers without a department see every department. Returns the department the caller is
 * confined to, or null.
 */
export function departmentScope(actor: ScopedActor): string | null {
  return actor.roles.includes('admin') ? null : (actor.departmentId ?? null);
}

/** Whether `departmentId` (undefined: the entity names none) is within the caller's scope. */
export function inScope(actor: ScopedActor, departmentId: string | undefined): boolean {
  const scope = departmentScope(actor);
  return scope === null || departmentId === undefined || departmentId === scope;
}

/**
 * Another department's entity is answered as unknown (404), so its existence does not leak:
 * the same refusal as for an id that does not exist.
 */
export function notFound(what: string, id: string): DomainError {
  return new DomainError('not_found', `no ${what} ${id}`);
}

/** Naming another department (a list filter, a command's department) is refused: 403. */
export function outOfScope(actor: ScopedActor, departmentId: string, field = 'departmentId'): DomainError {
  const scope = departmentScope(actor);
  return new DomainError('forbidden', `the token is scoped to department ${scope}; ${departmentId} is outside it`, {
    details: [{ field, message: `must be ${scope}` }],
  });
}

/** The department filter of a list: the caller's own when scoped, another one refused (403). */
export function departmentFilter(actor: ScopedActor, requested: string | undefined): string | undefined {
  const scope = departmentScope(actor);
  if (scope !== null && requested !== undefined && requested !== scope) throw outOfScope(actor, requested);
  return scope ?? requested;
}
