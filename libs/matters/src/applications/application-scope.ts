import { ForbiddenException } from '@nestjs/common';
import type { Decider } from '@app/kernel';
import { ApplicationCommand, ApplicationEvent, ApplicationState, applicationDecider } from '../domain';
import { DomainError } from '@app/kernel';

/**
 * Department scope (api.md "Security"): window staff handle the applications of their own
 * department's matters; admin handles every one. Reads are scoped the same way for callers that
 * have a department. Another department's application is answered as unknown (404), so its
 * existence does not leak; naming another department explicitly (submit, list filter) is 403.
 */
export interface ScopedActor {
  roles: readonly string[];
  departmentId?: string;
}

export const isAdmin = (actor: ScopedActor): boolean => actor.roles.includes('admin');

/** The department a caller is confined to, or null when it sees every department. */
export const confinedTo = (actor: ScopedActor): string | null => (isAdmin(actor) ? null : (actor.departmentId ?? null));

/** Window staff without a department in their token cannot handle any application. */
export function assertMayHandle(actor: ScopedActor): void {
  if (!isAdmin(actor) && !actor.departmentId) throw new ForbiddenException('window staff need a departmentId claim to handle applications');
}

export function assertDepartment(actor: ScopedActor, departmentId: string): void {
  const confined = confinedTo(actor);
  if (confined !== null && confined !== departmentId)
    throw new DomainError('forbidden', `department ${departmentId} is not the caller's department`);
}

/** The application decider, refusing (404) an application of a department outside the caller's scope. */
export function scopedApplicationDecider(actor: ScopedActor): Decider<ApplicationCommand, ApplicationEvent, ApplicationState> {
  return {
    ...applicationDecider,
    decide(command, state) {
      const confined = confinedTo(actor);
      // the same answer for an unknown id and another department's application
      if (state.status === 'none' || (confined !== null && state.matter.departmentId !== confined))
        throw new DomainError('not_found', 'application not found');
      return applicationDecider.decide(command, state);
    },
  };
}
