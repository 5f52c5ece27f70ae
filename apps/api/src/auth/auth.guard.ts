import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { IS_PUBLIC } from '@app/http/public.decorator';
import { REQUIRED_ROLES } from '@app/http/require-roles.decorator';
import { Actor, Role } from '@app/http/roles';
import { actorFromClaims } from './token-claims';

/** Every route needs a valid HS256 bearer token unless marked @Public(); @RequireRoles narrows it. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    const actor = await this.authenticate(request.headers.authorization);
    request.actor = actor;
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (required && !actor.roles.some((role) => role === 'admin' || required.includes(role))) {
      throw new ForbiddenException(`this needs one of the roles: ${['admin', ...required].join(', ')}`);
    }
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/.exec(header ?? '');
    if (!match) throw new UnauthorizedException('a bearer token is required');
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verifyAsync(match[1], { algorithms: ['HS256'] });
    } catch {
      throw new UnauthorizedException('the token is invalid or expired');
    }
    const actor = actorFromClaims(payload);
    if (!actor) throw new UnauthorizedException('the token lacks valid claims (sub, roles)');
    return actor;
  }
}
