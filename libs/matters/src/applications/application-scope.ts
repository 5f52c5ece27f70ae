import { departmentScope, DomainError, inScope, outOfScope, type ScopedActor } from '@app/kernel';

/**
 * Department scope for applications (api.md "Security"), on top of the kernel's rule: window staff
 * handle the applications of their own department's matters; admin handles every one.
 */

/** Window staff without a department in their token cannot handle any application (403). */
export function assertMayHandle(actor: ScopedActor): void {
  if (departmentScope(actor) === null && !actor.roles.includes('admin'))
    throw new DomainError('forbidden', 'window staff need a departmentId claim to handle applications');
}

/** The department a caller is confined to, or null when it sees every department. */
export const confinedTo = departmentScope;

/** Naming another department than the caller's is refused (403). */
export function assertDepartment(actor: ScopedActor, departmentId: string): void {
  if (!inScope(actor, departmentId)) throw outOfScope(actor, departmentId);
}
