import { createHmac } from 'node:crypto';
import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { assertSafeResponse } from '../support/response-safety';
import { startTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

jest.setTimeout(60_000);

const b64 = (value: object | string) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
const CLAIMS = { sub: 'clerk-1', roles: ['window_staff'], departmentId: 'dept-a' };

/** A JWT built by hand: `alg` in the header, signed with HMAC-`hash` over `secret` (or unsigned). */
function jwt(payload: object, options: { alg?: string; hash?: 'sha256' | 'sha512' | null; secret?: string } = {}): string {
  const { alg = 'HS256', hash = 'sha256', secret = TEST_JWT_SECRET } = options;
  const head = `${b64({ alg, typ: 'JWT' })}.${b64(payload)}`;
  return hash === null ? `${head}.` : `${head}.${createHmac(hash, secret).update(head).digest('base64url')}`;
}
const valid = (extra: object = {}) => ({ ...CLAIMS, iat: now(), exp: now() + 3600, ...extra });

/** OWASP API2 (broken authentication): only an unexpired HS256 token signed with our secret, with well-formed claims, passes. */
describe.each(testBackends())('bearer tokens on %s', (backend) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
  });
  afterAll(() => t.close());

  const get = (authorization?: string) => {
    const pending = request(t.http).get('/api/v1/applications');
    return authorization === undefined ? pending : pending.set('Authorization', authorization);
  };

  it('accepts a well-formed HS256 token (the control for every refusal below)', async () => {
    await get(`Bearer ${jwt(valid())}`).expect(200);
  });

  it.each([
    ['no Authorization header', undefined],
    ['expired', `Bearer ${jwt(valid({ iat: now() - 7200, exp: now() - 3600 }))}`],
    ['not yet valid (nbf in the future)', `Bearer ${jwt(valid({ nbf: now() + 3600 }))}`],
    ['signed with another secret', `Bearer ${jwt(valid(), { secret: 'another-secret-that-is-long-enough-for-hs256' })}`],
    [
      'tampered payload (roles raised to admin after signing)',
      (() => {
        const [head, , signature] = jwt(valid()).split('.');
        return `Bearer ${head}.${b64(valid({ roles: ['admin'] }))}.${signature}`;
      })(),
    ],
    ['alg none, unsigned', `Bearer ${jwt(valid({ roles: ['admin'] }), { alg: 'none', hash: null })}`],
    ['alg none with a signature', `Bearer ${jwt(valid(), { alg: 'none' })}`],
    ['HS512 with the same secret', `Bearer ${jwt(valid(), { alg: 'HS512', hash: 'sha512' })}`],
    ['RS256 header, HMAC-signed with the secret (key confusion)', `Bearer ${jwt(valid(), { alg: 'RS256' })}`],
    ['malformed: one segment', 'Bearer abc'],
    ['malformed: garbage segments', 'Bearer a.b.c'],
    ['malformed: Basic scheme', `Basic ${b64('admin:admin')}`],
    ['malformed: token without scheme', jwt(valid())],
    ['missing sub', `Bearer ${jwt({ roles: ['admin'], iat: now(), exp: now() + 3600 })}`],
    ['empty sub', `Bearer ${jwt(valid({ sub: '' }))}`],
    ['missing roles', `Bearer ${jwt({ sub: 'x', iat: now(), exp: now() + 3600 })}`],
    ['empty roles', `Bearer ${jwt(valid({ roles: [] }))}`],
    ['roles as a string', `Bearer ${jwt(valid({ roles: 'admin' }))}`],
    ['unknown role', `Bearer ${jwt(valid({ roles: ['superuser'] }))}`],
    ['a known and an unknown role', `Bearer ${jwt(valid({ roles: ['window_staff', 'root'] }))}`],
    ['departmentId not a string', `Bearer ${jwt(valid({ departmentId: { $ne: null } }))}`],
  ])('401 for %s', async (_name, authorization) => {
    const response = await get(authorization).expect(401);
    assertSafeResponse(response, String(_name));
    expect(response.body).toMatchObject({ status: 401, type: '/problems/unauthenticated' });
  });

  const expiredAt = now() - 3600;
  it.each([
    ['no Authorization header', undefined, /^a bearer token is required$/],
    [
      'signed with another secret',
      `Bearer ${jwt(valid(), { secret: 'another-secret-that-is-long-enough-for-hs256' })}`,
      /^the token's signature does not match this service's secret: was it issued for another deployment\?$/,
    ],
    [
      'expired',
      `Bearer ${jwt(valid({ iat: expiredAt - 3600, exp: expiredAt }))}`,
      new RegExp(`^the token expired at ${new Date(expiredAt * 1000).toISOString().replace(/[.]/g, '\\.')}$`),
    ],
    ['not yet valid', `Bearer ${jwt(valid({ nbf: now() + 3600 }))}`, /^the token is not valid before \d{4}-\d\d-\d\dT[\d:.]+Z$/],
    ['HS512', `Bearer ${jwt(valid(), { alg: 'HS512', hash: 'sha512' })}`, /^the token is not signed with HS256/],
    ['alg none, unsigned', `Bearer ${jwt(valid(), { alg: 'none', hash: null })}`, /^the token is not signed with HS256/],
    ['garbage segments', 'Bearer a.b.c', /^the token is malformed/],
    ['one segment', 'Bearer abc', /^the Authorization header is not "Bearer <JWT>"/],
    ['Basic scheme', `Basic ${b64('admin:admin')}`, /^the Authorization header is not "Bearer <JWT>"/],
  ])('401 for %s says why in its detail', async (_name, authorization, detail) => {
    const response = await get(authorization).expect(401);
    expect(response.body).toMatchObject({ status: 401, type: '/problems/unauthenticated', detail: expect.stringMatching(detail) });
  });
});
