import { createHash } from 'node:crypto';
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { BearerTokens } from '../auth/bearer-token';
import {
  InjectThrottlerOptions,
  InjectThrottlerStorage,
  ThrottlerGuard,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';

/**
 * RATE_LIMIT_PER_MINUTE per bearer token, per client address without one, whatever the routes
 * (README, "Configuration"). It runs before
 * authentication, so a flood of bad tokens is limited too: only a token whose signature verifies
 * gets a bucket of its own — a made-up token counts against its sender's address (else a new
 * random token per request would dodge the limit and grow the throttler's storage without bound).
 * The token is hashed, never kept.
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  constructor(
    @InjectThrottlerOptions() options: ThrottlerModuleOptions,
    @InjectThrottlerStorage() storage: ThrottlerStorage,
    reflector: Reflector,
    private readonly tokens: BearerTokens,
  ) {
    super(options, storage, reflector);
  }

  /**
   * The caller alone: one budget across every route (the built-in key adds the controller and the
   * handler, which would give each route a budget of its own).
   */
  protected override generateKey(_context: ExecutionContext, tracker: string, throttlerName: string): string {
    return `${throttlerName}:${tracker}`;
  }

  protected override async getTracker(request: { headers?: Record<string, unknown>; ip?: string }): Promise<string> {
    const bearer = this.tokens.of(request);
    if (bearer.status === 'verified') return `token:${createHash('sha256').update(bearer.token).digest('base64url')}`;
    return `ip:${request.ip ?? 'unknown'}`;
  }
}
