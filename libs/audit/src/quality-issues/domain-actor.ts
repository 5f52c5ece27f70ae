import type { CommandContext } from '@app/event-store';
import type { Actor, Role } from '../domain/actor';

type Caller = CommandContext['actor'];

const DOMAIN_ROLES: readonly string[] = ['inspector', 'department_officer', 'assessor', 'admin'] satisfies Role[];

/** The caller as the quality-issue decider knows it: only the roles it reasons about. */
export function toDomainActor(actor: Caller): Actor {
  return {
    userId: actor.userId,
    roles: actor.roles.filter((role): role is Role => DOMAIN_ROLES.includes(role)),
    departmentId: actor.departmentId ?? null,
  };
}
