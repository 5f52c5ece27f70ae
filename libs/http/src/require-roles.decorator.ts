import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiProblem } from './api-docs';
import { Role } from './roles';

export const REQUIRED_ROLES = 'auth:roles';

/** The roles that may call a route: `admin` and these, each named once. */
export const rolesAllowed = (roles: readonly Role[]): Role[] => [...new Set<Role>(['admin', ...roles])];

/** The route needs one of these roles (`admin` may always). */
export const RequireRoles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(REQUIRED_ROLES, roles), ApiProblem(403, `needs role ${rolesAllowed(roles).join(' | ')}`));
