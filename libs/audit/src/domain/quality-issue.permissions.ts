/**
 * Who may do what to a quality issue (api.md roles): inspectors (or admins) log, assign, verify and
 * reopen; only the issue's own department (a department officer of that department, or an admin)
 * submits a rectification.
 */
import type { Actor } from './actor';
import { refuseForbidden } from './quality-issue.refusal';

export const isAdmin = (actor: Actor): boolean => actor.roles.includes('admin');

export const mayInspect = (actor: Actor): boolean => isAdmin(actor) || actor.roles.includes('inspector');

export const mayRectify = (actor: Actor, departmentId: string): boolean =>
  isAdmin(actor) || (actor.roles.includes('department_officer') && actor.departmentId === departmentId);

export function requireInspector(actor: Actor, action: string): void {
  if (!mayInspect(actor)) refuseForbidden(`only an inspector or admin may ${action}; ${actor.userId} is neither`);
}

export function requireOwnDepartment(actor: Actor, departmentId: string): void {
  if (!mayRectify(actor, departmentId))
    refuseForbidden(
      `only a department officer of ${departmentId} (or an admin) may submit a rectification; ` +
        `${actor.userId} acts for ${actor.departmentId ?? 'no department'}`,
    );
}
