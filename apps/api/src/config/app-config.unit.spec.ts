import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { ConfigurationError, loadConfig } from './app-config';

const SERVER = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gov', AUTH_JWT_SECRET: 'x'.repeat(32) };

/** The lines a configuration error prints (one per bad variable), or [] when the configuration loads. */
function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return [...error.lines];
  }
}

describe('loadConfig', () => {
  it('runs the projections in the process by default', () => {
    expect(loadConfig({}).RUN_PROJECTIONS).toBe(true);
    expect(loadConfig(SERVER).RUN_PROJECTIONS).toBe(true);
  });

  it('reads RUN_PROJECTIONS=true|false and refuses anything else', () => {
    expect(loadConfig({ ...SERVER, RUN_PROJECTIONS: 'false' }).RUN_PROJECTIONS).toBe(false);
    expect(loadConfig({ ...SERVER, RUN_PROJECTIONS: 'true' }).RUN_PROJECTIONS).toBe(true);
    expect(problems({ ...SERVER, RUN_PROJECTIONS: 'no' })).toEqual(['Invalid configuration: RUN_PROJECTIONS="no" must be true or false']);
  });

  it('wakes the projections at most every 100 ms on the embedded default and at every append on a server; APPEND_WAKE_MS sets it', () => {
    expect(loadConfig({}).appendWakeMs).toBe(100);
    expect(loadConfig(SERVER).appendWakeMs).toBe(0);
    expect(loadConfig({ APPEND_WAKE_MS: '0' }).appendWakeMs).toBe(0);
    expect(loadConfig({ ...SERVER, APPEND_WAKE_MS: '20' }).appendWakeMs).toBe(20);
    expect(problems({ APPEND_WAKE_MS: 'soon' })).toEqual([
      'Invalid configuration: APPEND_WAKE_MS="soon" must be a whole number of milliseconds from 0 to 5000',
    ]);
    expect(problems({ APPEND_WAKE_MS: '6000' })).toEqual([
      'Invalid configuration: APPEND_WAKE_MS="6000" must be a whole number of milliseconds from 0 to 5000',
    ]);
  });

  it("reads one's own writes by default; READ_OWN_WRITES=false turns the wait off, anything else is refused", () => {
    expect(loadConfig({}).READ_OWN_WRITES).toBe(true);
    expect(loadConfig({ READ_OWN_WRITES: 'false' }).READ_OWN_WRITES).toBe(false);
    expect(problems({ READ_OWN_WRITES: 'off' })).toEqual(['Invalid configuration: READ_OWN_WRITES="off" must be true or false']);
  });

  it('sweeps at 00:05 city time by default; SWEEP_AT=HH:MM or off, SUPERVISION_YELLOW_WORKDAYS a whole number', () => {
    expect(loadConfig({})).toMatchObject({ SWEEP_AT: '00:05', SUPERVISION_YELLOW_WORKDAYS: 1 });
    expect(loadConfig({ SWEEP_AT: 'off', SUPERVISION_YELLOW_WORKDAYS: '2' })).toMatchObject({
      SWEEP_AT: 'off',
      SUPERVISION_YELLOW_WORKDAYS: 2,
    });
    expect(problems({ SWEEP_AT: '25:00', SUPERVISION_YELLOW_WORKDAYS: 'x' })).toEqual([
      'Invalid configuration: SWEEP_AT="25:00" must be a time HH:MM (city time) or off',
      'Invalid configuration: SUPERVISION_YELLOW_WORKDAYS="x" must be a whole number from 0 to 30',
    ]);
  });

  it('refuses RUN_PROJECTIONS=false on the embedded store, which one process only can open', () => {
    expect(problems({ RUN_PROJECTIONS: 'false' })).toEqual([
      'Invalid configuration: RUN_PROJECTIONS=false needs DATABASE_URL (the embedded PGlite admits one process)',
    ]);
  });

  it('reads a failover pair libpq’s way and a replica beside it, and refuses what libpq would not', () => {
    const pair = 'postgres://gov@10.0.0.1:5432,10.0.0.2:5432/gov?target_session_attrs=read-write';
    expect(problems({ DATABASE_URL: pair, READ_DATABASE_URL: 'postgres://gov@10.0.0.3/gov' })).toEqual([]);
    expect(problems({ DATABASE_URL: 'postgres://a,b/gov?target_session_attrs=master' })).toEqual([
      'Invalid configuration: DATABASE_URL: target_session_attrs must be one of any, read-write, primary, read-only, standby, prefer-standby',
    ]);
    expect(problems({ READ_DATABASE_URL: 'postgres://gov@10.0.0.3/gov' })).toEqual([
      'Invalid configuration: READ_DATABASE_URL is a replica of DATABASE_URL: set DATABASE_URL too',
    ]);
    expect(problems({ DATABASE_URL: pair, READ_DATABASE_URL: 'mysql://x' })).toEqual([
      'Invalid configuration: READ_DATABASE_URL="mysql://x" must be a postgres:// URL of a streaming replica, e.g. postgres://user@10.0.0.2:5432/gov',
    ]);
  });

  it('asks no token secret with a server database: the scenario loader and the projections CLI serve nothing', () => {
    const config = loadConfig({ DATABASE_URL: SERVER.DATABASE_URL });
    expect(config.embedded).toBe(false);
    expect(config.AUTH_JWT_SECRET).toBeUndefined();
  });

  it('says one line per bad variable, quoting its value, however many of its rules it breaks', () => {
    expect(problems({ PORT: 'abc' })).toEqual(['Invalid configuration: PORT="abc" must be a whole number from 0 to 65535']);
    expect(problems({ PORT: '70000' })).toEqual(['Invalid configuration: PORT="70000" must be a whole number from 0 to 65535']);
    expect(problems({ PORT: '-1' })).toEqual(['Invalid configuration: PORT="-1" must be a whole number from 0 to 65535']);
    expect(problems({ PORT: '80.5' })).toEqual(['Invalid configuration: PORT="80.5" must be a whole number from 0 to 65535']);
    expect(problems({ PORT: '8080' })).toEqual([]);
    expect(problems({ RATE_LIMIT_PER_MINUTE: '0' })).toEqual([
      'Invalid configuration: RATE_LIMIT_PER_MINUTE="0" must be a whole number of at least 1',
    ]);
    expect(problems({ DATABASE_URL: 'foo' })).toEqual([
      'Invalid configuration: DATABASE_URL="foo" must be a postgres:// URL, e.g. postgres://user@127.0.0.1:5432/gov',
    ]);
    expect(problems({ LOG_LEVEL: 'loud' })).toEqual([
      'Invalid configuration: LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent',
    ]);
    expect(problems({ BODY_LIMIT: 'big' })).toEqual(['Invalid configuration: BODY_LIMIT="big" must be a size in b, kb or mb, e.g. 256kb']);
  });

  it('reads the supervision limits in working days, with their defaults (容缺受理 5, 回访 1, 整改 15)', () => {
    const config = loadConfig({ DATA_DIR: '/tmp/x' });
    expect([config.DEFERRED_DUE_WORKDAYS, config.FEEDBACK_CONTACT_WORKDAYS, config.FEEDBACK_RECTIFY_WORKDAYS]).toEqual([5, 1, 15]);
    expect(problems({ DEFERRED_DUE_WORKDAYS: '0' })).toEqual([
      'Invalid configuration: DEFERRED_DUE_WORKDAYS="0" must be a whole number of working days from 1 to 250',
    ]);
    expect(problems({ FEEDBACK_CONTACT_WORKDAYS: '1.5' })).toEqual([
      'Invalid configuration: FEEDBACK_CONTACT_WORKDAYS="1.5" must be a whole number of working days from 0 to 250',
    ]);
    expect(problems({ FEEDBACK_CONTACT_WORKDAYS: '3', FEEDBACK_RECTIFY_WORKDAYS: '2' })).toEqual([
      'Invalid configuration: FEEDBACK_RECTIFY_WORKDAYS=2 must not be less than FEEDBACK_CONTACT_WORKDAYS=3',
    ]);
  });

  it('lists every bad variable at once, in the order of the table', () => {
    expect(problems({ RUN_PROJECTIONS: 'maybe', PORT: 'abc', EVENT_STORE: 'mongo' })).toEqual([
      'Invalid configuration: PORT="abc" must be a whole number from 0 to 65535',
      'Invalid configuration: EVENT_STORE="mongo" must be postgres or esdb',
      'Invalid configuration: RUN_PROJECTIONS="maybe" must be true or false',
    ]);
  });

  it('never prints a secret, only its length', () => {
    const lines = problems({ ...SERVER, AUTH_JWT_SECRET: 'hunter2-short' });
    expect(lines).toEqual(['Invalid configuration: AUTH_JWT_SECRET (13 characters) must be at least 32 characters']);
    expect(lines.join('')).not.toContain('hunter2');
  });
});

describe('resolveJwtSecret (what serves HTTP or signs tokens)', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'jwt-secret-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('needs AUTH_JWT_SECRET with a server database, in one line naming it', () => {
    const config = loadConfig({ DATABASE_URL: SERVER.DATABASE_URL, DATA_DIR: dataDir });
    expect(() => resolveJwtSecret(config)).toThrow(ConfigurationError);
    expect(() => resolveJwtSecret(config)).toThrow(
      /^Invalid configuration: AUTH_JWT_SECRET is required with DATABASE_URL to serve or sign tokens \(only the embedded default generates one\)$/,
    );
  });

  it('takes AUTH_JWT_SECRET, or on the embedded default generates one into DATA_DIR once', () => {
    expect(resolveJwtSecret(loadConfig({ ...SERVER, DATA_DIR: dataDir }))).toBe(SERVER.AUTH_JWT_SECRET);
    const generated = resolveJwtSecret(loadConfig({ DATA_DIR: dataDir }));
    expect(generated.length).toBeGreaterThanOrEqual(32);
    expect(resolveJwtSecret(loadConfig({ DATA_DIR: dataDir }))).toBe(generated);
  });
});
