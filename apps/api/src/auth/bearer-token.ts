import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/;

export type BearerToken =
  | { status: 'missing' }
  | { status: 'invalid'; token?: string; reason: string }
  | { status: 'verified'; token: string; payload: Record<string, unknown> };

/**
 * The request's bearer token, verified once (HS256 only, unexpired) and remembered on the request:
 * the rate limiter (which runs first) and the auth guard ask the same question. A refused token
 * says why, for the 401's `detail`: another deployment's secret, expired (when), not yet valid,
 * another algorithm, or not a JWT at all.
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
    if (header === undefined || header === '') return { status: 'missing' };
    const match = typeof header === 'string' ? BEARER.exec(header) : null;
    if (!match) return { status: 'invalid', reason: 'the Authorization header is not "Bearer <JWT>" (header.payload.signature)' };
    try {
      return { status: 'verified', token: match[1], payload: this.jwt.verify(match[1], { algorithms: ['HS256'] }) };
    } catch (error) {
      return { status: 'invalid', token: match[1], reason: whyRefused(error) };
    }
  }
}

/** jsonwebtoken's refusal in the caller's terms */
function whyRefused(error: unknown): string {
  const { name, message, expiredAt, date } = error as { name?: string; message?: string; expiredAt?: Date; date?: Date };
  if (name === 'TokenExpiredError' && expiredAt instanceof Date) return `the token expired at ${expiredAt.toISOString()}`;
  if (name === 'NotBeforeError' && date instanceof Date) return `the token is not valid before ${date.toISOString()}`;
  if (message === 'invalid signature') {
    return "the token's signature does not match this service's secret: was it issued for another deployment?";
  }
  if (message === 'invalid algorithm' || message === 'jwt signature is required') {
    return 'the token is not signed with HS256, the one algorithm this service accepts';
  }
  return 'the token is malformed: not a JWT this service can read';
}
