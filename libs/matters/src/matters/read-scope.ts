import { ForbiddenException } from '@nestjs/common';
import type { Actor } from '@app/http';

/**
 * Reads of matters are allowed to every role, scoped to the caller's department where the token
 * names one (api.md, "Security"); `admin` sees everything. Returns the department to restrict to.
 */
export function readScope(actor: Actor): string | undefined {
  return actor.roles.includes('admin') ? undefined : actor.departmentId;
}

/** The department filter of a list: the caller's own when scoped; another one is refused (403). */
export function departmentFilter(actor: Actor, requested: string | undefined): string | undefined {
  const scope = readScope(actor);
  if (scope !== undefined && requested !== undefined && requested !== scope)
    throw new ForbiddenException(`your token is scoped to department ${scope}`);
  return scope ?? requested;
}
