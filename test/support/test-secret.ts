/** The HS256 secret every test app and API process signs and verifies tokens with (a module of its own: the bench imports it without jest). */
export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
