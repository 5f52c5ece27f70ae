import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC } from '@app/http';
import { REQUIRED_ROLES } from '@app/http';
import { Actor, Role, rolesAllowed } from '@app/http';
import { BearerTokens } from './bearer-token';
import { actorFromClaims } from './token-claims';

/** Every route needs a valid HS256 bearer token unless marked @Public(); @RequireRoles narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly tokens: BearerTokens,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, unknown>; actor?: Actor }>();
    const actor = this.authenticate(request);
    request.actor = actor;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !actor.roles.some((role) => role === 'admin' || required.includes(role))) {
      throw new ForbiddenException(`this needs one of the roles: ${rolesAllowed(required).join(', ')}`);
    }
    return true;
  }

  private authenticate(request: { headers: Record<string, unknown> }): Actor {
    const token = this.tokens.of(request);
    if (token.status === 'missing') throw new UnauthorizedException('a bearer token is required');
    if (token.status === 'invalid') throw new UnauthorizedException(token.reason);
    const actor = actorFromClaims(token.payload);
    if (!actor) throw new UnauthorizedException('the token lacks valid claims (sub, roles)');
    return actor;
  }
}
