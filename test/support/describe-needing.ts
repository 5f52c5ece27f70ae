/**
 * `describe` for a suite that needs something of the machine (a PostgreSQL binary, redis-server,
 * pg_autoctl): `missing` says what is not there, or is undefined when all is. Without it the suite
 * fails under CI=true (CI must run it) and is skipped, saying why, anywhere else.
 */
export function describeNeeding(name: string, missing: string | undefined, body: () => void): void {
  if (!missing) return describe(name, body);
  if (process.env.CI === 'true') {
    describe(name, () =>
      it('has what it needs on this machine', () => {
        throw new Error(`CI=true: ${missing}`);
      }),
    );
    return;
  }
  console.warn(`SKIPPED "${name}": ${missing}`);
  describe.skip(name, body);
}
