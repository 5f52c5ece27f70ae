import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';

/**
 * RATE_LIMIT_PER_MINUTE per bearer token, per client address without one. It runs before
 * authentication, so a flood of bad tokens is limited too; the token is hashed, never kept.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async getTracker(request: { headers?: Record<string, unknown>; ip?: string }): Promise<string> {
    const authorization = request.headers?.authorization;
    if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
      return `token:${createHash('sha256').update(authorization.slice(7)).digest('base64url')}`;
    }
    return `ip:${request.ip ?? 'unknown'}`;
  }
}
