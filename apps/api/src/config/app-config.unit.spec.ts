import { loadConfig } from './app-config';

const SERVER = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/gov', AUTH_JWT_SECRET: 'x'.repeat(32) };

describe('loadConfig', () => {
  it('runs the projections in the process by default', () => {
    expect(loadConfig({}).RUN_PROJECTIONS).toBe(true);
    expect(loadConfig(SERVER).RUN_PROJECTIONS).toBe(true);
  });

  it('reads RUN_PROJECTIONS=true|false and refuses anything else', () => {
    expect(loadConfig({ ...SERVER, RUN_PROJECTIONS: 'false' }).RUN_PROJECTIONS).toBe(false);
    expect(loadConfig({ ...SERVER, RUN_PROJECTIONS: 'true' }).RUN_PROJECTIONS).toBe(true);
    expect(() => loadConfig({ ...SERVER, RUN_PROJECTIONS: 'no' })).toThrow('RUN_PROJECTIONS must be true or false');
  });

  it('refuses RUN_PROJECTIONS=false on the embedded store, which one process only can open', () => {
    expect(() => loadConfig({ RUN_PROJECTIONS: 'false' })).toThrow('RUN_PROJECTIONS=false needs DATABASE_URL');
  });

  it('needs AUTH_JWT_SECRET with a server database', () => {
    expect(() => loadConfig({ DATABASE_URL: SERVER.DATABASE_URL })).toThrow('AUTH_JWT_SECRET is required');
  });
});
