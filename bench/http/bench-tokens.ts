import { JwtService } from '@nestjs/jwt';
import { BENCH_JWT_SECRET } from '../support/api-process';

/** Bearer tokens signed with the secret the bench gives the API. */
export function benchToken(claims: { roles: string[]; departmentId?: string; regionCode?: string; sub?: string }): string {
  return new JwtService({ secret: BENCH_JWT_SECRET }).sign(
    { sub: claims.sub ?? `bench-${claims.roles.join('+')}`, ...claims },
    { algorithm: 'HS256', expiresIn: '2h' },
  );
}

export function authHeaders(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}
