import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

export type BearerToken =
  { status: 'missing' } | { status: 'invalid'; token: string } | { status: 'verified'; token: string; payload: Record<string, unknown> };

/**
 * The request's bearer token, verified once (HS256 only, unexpired) and remembered on the request:
 * the rate limiter (which runs first) and the auth guard ask the same question.
 */
@Injectable()
export class BearerTokens {
  private readonly verified = new WeakMap<object, BearerToken>();

  constructor(private readonly jwt: JwtService) {}

  of(request: { headers?: Record<string, unknown> }): BearerToken {
    const known = this.verified.get(request);
    if (known) return known;
    const result = this.verify(request.headers?.authorization);
    this.verified.set(request, result);
    return result;
  }

  private verify(header: unknown): BearerToken {
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) return { status: 'missing' };
    try {
      return { status: 'verified', token: match[1], payload: this.jwt.verify(match[1], { algorithms: ['HS256'] }) };
    } catch {
      return { status: 'invalid', token: match[1] };
    }
  }
}
