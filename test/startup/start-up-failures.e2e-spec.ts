import { freePort } from '../support/child-process';
import { jsonLines, runEntryPoint, type Run } from '../support/entry-point';
import { TEST_JWT_SECRET } from '../support/test-app';

jest.setTimeout(180_000);

const API = 'apps/api/src/main.ts';
const ANSI = new RegExp(String.fromCharCode(27) + '\\[');
const STACK_FRAME = /^\s*at .+:\d+:\d+\)?$/m;

/**
 * The serving API (`npm start` runs the same main.ts compiled) started with a bad configuration or
 * without its database: one line on stderr a person can act on, quoting the value or naming the
 * store and its address — no stack, no pg error object, no coloured Nest text — and exit code 1.
 */
describe('the API that cannot start', () => {
  const start = (env: Record<string, string>) => runEntryPoint(API, [], env);

  function expectOneLine(run: Run, line: string | RegExp): void {
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 1, stderr: [expect.stringMatching(line)] });
    expect(run.stderr[0]).not.toMatch(STACK_FRAME);
    expect(run.stderr[0]).not.toMatch(ANSI);
    expect(run.stdout.filter((each) => ANSI.test(each))).toEqual([]);
  }

  it('PORT=abc: one line quoting the value, nothing else', async () => {
    const run = await start({ PORT: 'abc' });
    expectOneLine(run, /^Invalid configuration: PORT="abc" must be a whole number from 0 to 65535$/);
    expect(run.stdout).toEqual([]);
  });

  it('RUN_PROJECTIONS=sometimes: one line quoting the value', async () => {
    const run = await start({ RUN_PROJECTIONS: 'sometimes' });
    expectOneLine(run, /^Invalid configuration: RUN_PROJECTIONS="sometimes" must be true or false$/);
    expect(run.stdout).toEqual([]);
  });

  it('DATABASE_URL=foo: one line quoting the value', async () => {
    const run = await start({ DATABASE_URL: 'foo', AUTH_JWT_SECRET: TEST_JWT_SECRET });
    expectOneLine(run, /^Invalid configuration: DATABASE_URL="foo" must be a postgres:\/\/ URL/);
    expect(run.stdout).toEqual([]);
  });

  it('several bad values: one line for each, each quoting its value', async () => {
    const run = await start({ PORT: '70000', LOG_LEVEL: 'loud', RUN_PROJECTIONS: 'no' });
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      'Invalid configuration: PORT="70000" must be a whole number from 0 to 65535',
      'Invalid configuration: RUN_PROJECTIONS="no" must be true or false',
      'Invalid configuration: LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
  });

  it('a server database without AUTH_JWT_SECRET: serving needs it, one line says so', async () => {
    const run = await start({ DATABASE_URL: `postgres://postgres@127.0.0.1:${await freePort()}/nope` });
    expectOneLine(run, /^Invalid configuration: AUTH_JWT_SECRET is required with DATABASE_URL/);
  });

  it('an unreachable database: one line naming the store and its address, never the credentials; the logs stay JSON', async () => {
    const port = await freePort(); // nobody listens there
    const run = await start({ DATABASE_URL: `postgres://gov:s3cret-pw@127.0.0.1:${port}/nope`, AUTH_JWT_SECRET: TEST_JWT_SECRET });
    const line = `Cannot open PostgreSQL at 127.0.0.1:${port}, database "nope" (events and read models, DATABASE_URL): connect ECONNREFUSED 127.0.0.1:${port} (is the server running there?)`;
    expectOneLine(run, new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    expect(run.stderr[0]).not.toContain('s3cret-pw');
    // Nest's own start-up lines are pino JSON, and the failure is one JSON line of level fatal, without a stack
    const logged = jsonLines(run.stdout);
    expect(logged).toEqual(
      expect.arrayContaining([expect.objectContaining({ context: 'NestFactory', msg: 'Starting Nest application...' })]),
    );
    expect(logged.filter((entry) => (entry.level as number) >= 50)).toEqual([expect.objectContaining({ level: 60, msg: line })]);
    expect(run.stdout.join('\n')).not.toMatch(/s3cret-pw|"stack"|\\n\s+at /);
  });
});
