import { ROLES, Role, Actor } from '@app/http';

/** The claims of api.md: `sub`, `roles`, optional `departmentId`, `regionCode`. */
export interface TokenClaims {
  sub: string;
  roles: Role[];
  departmentId?: string;
  regionCode?: string;
}

const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);
const optionalString = (value: unknown): value is string | undefined =>
  value === undefined || (typeof value === 'string' && value.length > 0);

/** A verified token's payload as an Actor, or null when its claims are malformed. */
export function actorFromClaims(payload: Record<string, unknown>): Actor | null {
  const { sub, roles, departmentId, regionCode } = payload;
  if (typeof sub !== 'string' || sub.length === 0) return null;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) return null;
  if (!optionalString(departmentId) || !optionalString(regionCode)) return null;
  return { userId: sub, roles, departmentId, regionCode };
}
