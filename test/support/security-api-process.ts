import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createThrowawayDatabase, type TestBackend, type ThrowawayDatabase } from '@app/event-store/testing';
import { eventually, freePort, spawnTs, type Child } from './child-process';
import { TEST_JWT_SECRET } from './test-app';

/**
 * The API as its own process on either backend (PGlite under its own DATA_DIR, or a throwaway
 * PostgreSQL database), for the personal-data suite: it reads exactly what the service writes to
 * stdout/stderr, and after `stop` the PGlite files on disk.
 */
export interface LoggedApi {
  url: string;
  dataDir: string;
  database?: ThrowawayDatabase;
  /** everything the process wrote so far, stdout and stderr */
  output(): string;
  /** SIGTERM and wait for the exit; the data stays until `dispose` */
  stop(): Promise<void>;
  dispose(): Promise<void>;
}

export async function startLoggedApi(backend: TestBackend, env: Record<string, string> = {}): Promise<LoggedApi> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-security-'));
  const database = backend === 'postgres' ? await createThrowawayDatabase('security') : undefined;
  const child: Child = spawnTs('apps/api/src/main.ts', [], {
    PORT: String(port),
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_MINUTE: '100000',
    ...(database && { DATABASE_URL: database.url }),
    ...env,
  });
  const output = () => child.output.stdout + child.output.stderr;
  const url = `http://127.0.0.1:${port}`;
  let running = true;
  void child.exited.then(() => (running = false));
  await eventually(
    async () => {
      if (!running) throw new Error(`the API exited at start:\n${output()}`);
      return fetch(`${url}/health`).then(
        (response) => response.ok,
        () => false,
      );
    },
    60_000,
    'the API process to answer /health',
  );
  const stop = async () => {
    if (running) child.process.kill('SIGTERM');
    await child.exited;
  };
  return {
    url,
    dataDir,
    database,
    output,
    stop,
    async dispose() {
      await stop();
      await database?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
