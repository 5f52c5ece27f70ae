import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { Role } from './roles';

export const REQUIRED_ROLES = 'auth:roles';

/** The route needs one of these roles (`admin` may always). */
export const RequireRoles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiForbiddenResponse({ description: `needs role ${['admin', ...roles].join(' | ')}` }),
  );
