import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, freePort, spawnTs, type Child } from '../support/child-process';
import { jsonLines, linesOf, unsetConfiguration } from '../support/entry-point';

jest.setTimeout(180_000);

/**
 * `npm start`'s main.ts on the embedded default: every line on stdout is a pino JSON object, Nest's
 * own bootstrap lines included (never its coloured text), and one of them tells a person where the
 * service listens, with the URL, the docs and the store as fields too.
 */
describe('the API that starts', () => {
  let child: Child;
  let port: number;
  let dataDir: string;

  beforeAll(async () => {
    port = await freePort();
    dataDir = mkdtempSync(join(tmpdir(), 'gov-listening-'));
    child = spawnTs('apps/api/src/main.ts', [], { ...unsetConfiguration(), PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    let exited = false;
    void child.exited.then(() => (exited = true));
    await eventually(
      async () => {
        if (exited) throw new Error(`the API exited while starting:\n${child.output.stderr}\n${child.output.stdout}`);
        // the line is written once listen() has returned, which a first request may beat
        return (
          (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.status === 200 &&
          child.output.stdout.includes('"msg":"listening on ')
        );
      },
      120_000,
      'the API to answer /health and log where it listens',
    );
  });

  afterAll(async () => {
    child?.process.kill('SIGTERM');
    await child?.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs one line saying where it listens, for a person and as fields', () => {
    const logged = jsonLines(linesOf(child.output.stdout));
    const listening = logged.filter((entry) => typeof entry.msg === 'string' && entry.msg.startsWith('listening on '));
    expect(listening).toEqual([
      expect.objectContaining({
        level: 30,
        context: 'main',
        msg: `listening on http://localhost:${port} — OpenAPI /docs, health /health, metrics /metrics (embedded PGlite in ${dataDir})`,
        url: `http://localhost:${port}`,
        docs: '/docs',
        store: `embedded PGlite in ${dataDir}`,
      }),
    ]);
  });

  it("writes Nest's own start-up lines as JSON too, and nothing on stderr", () => {
    const logged = jsonLines(linesOf(child.output.stdout)); // throws on a line of coloured text
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ context: 'NestFactory', msg: 'Starting Nest application...' }),
        expect.objectContaining({ context: 'NestApplication', msg: 'Nest application successfully started' }),
      ]),
    );
    expect(child.output.stdout).not.toContain(String.fromCharCode(27)); // no ANSI colour
    expect(child.output.stderr).toBe('');
  });
});
