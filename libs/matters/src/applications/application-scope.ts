import { departmentScope, DomainError, type ScopedActor } from '@app/kernel';

/**
 * Department scope for applications (api.md "Security"), on top of the kernel's rule: window staff
 * handle the applications of their own department's matters; admin handles every one.
 */

/**
 * Window staff without a department in their token cannot handle any application (403); the
 * `system` actor (the daily sweep: 容缺 suspensions and returns) handles every department's.
 */
export function assertMayHandle(actor: ScopedActor): void {
  if (departmentScope(actor) === null && !actor.roles.includes('admin') && !actor.roles.includes('system'))
    throw new DomainError('forbidden', 'window staff need a departmentId claim to handle applications');
}
