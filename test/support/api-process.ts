import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { TokenClaims } from '../../apps/api/src/auth/token-claims';
import { eventually, freePort, spawnTs, type Child } from './child-process';
import { TEST_JWT_SECRET } from './test-secret';

/** The API as production runs it: `apps/api/src/main.ts` in its own process, on a free port. */
export interface ApiProcess extends Child {
  baseUrl: string;
  /** the process's stdout so far, one entry per line */
  lines(): string[];
  token(claims: Partial<TokenClaims> & Pick<TokenClaims, 'roles'>): string;
  cleanup(): void;
}

export async function startApiProcess(databaseUrl: string, env: Record<string, string> = {}): Promise<ApiProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-api-process-'));
  const child = spawnTs('apps/api/src/main.ts', [], {
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '100000',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    ...env,
  });
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });
  const api: ApiProcess = {
    ...child,
    baseUrl: `http://127.0.0.1:${port}`,
    lines: () => child.output.stdout.split('\n').filter((line) => line.trim() !== ''),
    token: (claims) => jwt.sign({ sub: 'test-user', ...claims }, { algorithm: 'HS256', expiresIn: '1h' }),
    cleanup() {
      child.process.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  let exited = false;
  void child.exited.then(() => (exited = true));
  // one that does not come up is not left behind
  await eventually(
    async () => {
      if (exited) throw new Error(`the API exited while starting:\n${child.output.stderr}\n${child.output.stdout}`);
      return (await fetch(`${api.baseUrl}/health`).catch(() => undefined))?.status === 200;
    },
    60_000,
    'the API process to answer /health',
  ).catch((error: unknown) => {
    api.cleanup();
    throw error;
  });
  return api;
}
