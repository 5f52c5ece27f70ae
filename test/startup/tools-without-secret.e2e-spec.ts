import { PostgresSqlClient } from '@app/event-store';
import { createThrowawayDatabase, describeOnPostgres, type ThrowawayDatabase } from '@app/event-store/testing';
import { runEntryPoint } from '../support/entry-point';

jest.setTimeout(300_000);

/**
 * The tools that serve no HTTP — `npm run scenario`, `npm run projections` — run against a server
 * database with DATABASE_URL alone: no AUTH_JWT_SECRET (README, "The 2019 scenario"). `npm run
 * token`, which signs, still needs it and says so in one line.
 */
describeOnPostgres('the tools on a server database without AUTH_JWT_SECRET', () => {
  let db: ThrowawayDatabase;
  let pg: PostgresSqlClient;

  beforeAll(async () => {
    db = await createThrowawayDatabase('tools_no_secret');
    pg = new PostgresSqlClient({ connectionString: db.url, max: 1 });
  });

  afterAll(async () => {
    await pg?.close();
    await db?.drop();
  });

  it('npm run scenario loads the 2019 city and its projections catch up', async () => {
    const run = await runEntryPoint('apps/api/src/cli/scenario.cli.ts', ['shaoxing-2019', '--applications', '200'], {
      DATABASE_URL: db.url,
    });
    // on failure, show what it said besides the progress bars and the info lines
    const said = [...run.stderr, ...run.stdout].filter((line) => !line.startsWith('{"level":30') && !line.includes('|'));
    expect({ code: run.code, said: run.code === 0 ? [] : said }).toEqual({ code: 0, said: [] });
    expect(said.filter((line) => line.includes('AUTH_JWT_SECRET'))).toEqual([]);
    expect(run.stdout).toContain('generated 6353 matters, 200 applications, 1329 quality issues');
    expect(run.stdout.some((line) => line.startsWith('projections caught up; total '))).toBe(true);
    const [{ count }] = await pg.query<{ count: string }>("SELECT count(*) FROM es_events WHERE type = 'application.submitted'");
    // the N applications, and the six 容缺 acceptances of November that never bring their material (README, the 2019 scenario)
    expect(Number(count)).toBe(200 + 6);
  });

  it('npm run projections -- status lists the projections', async () => {
    const run = await runEntryPoint('apps/api/src/cli/projections.cli.ts', ['status'], { DATABASE_URL: db.url });
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: [] });
    expect(run.stdout[0]).toMatch(/^projection +version +status +position +lag +updated$/);
    expect(run.stdout.some((line) => /^applications +v1 +/.test(line))).toBe(true);
  });

  it('npm run token, which signs, needs the secret: one line says so, exit 1', async () => {
    const run = await runEntryPoint('apps/api/src/cli/token.cli.ts', ['--role', 'admin'], { DATABASE_URL: db.url });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toEqual({
      code: 1,
      stdout: [],
      stderr: [
        'Invalid configuration: AUTH_JWT_SECRET is required with DATABASE_URL to serve or sign tokens (only the embedded default generates one)',
      ],
    });
  });
});
