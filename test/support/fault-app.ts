import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { configureApp } from '../../apps/api/src/configure-app';
import { TEST_JWT_SECRET, type TestApp } from './test-app';

/**
 * The real application on the PostgreSQL database at `url` (e.g. one of a dedicated cluster the
 * test restarts); the caller owns the database. Like `startTestApp`, nothing is mocked.
 */
export async function startTestAppAt(url: string, env: Record<string, string> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-fault-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '100000',
    DATABASE_URL: url,
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApp(app);
  await app.init();
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });
  return {
    app,
    http: app.getHttpServer(),
    config,
    token: (claims) => jwt.sign({ sub: 'test-user', ...claims }, { algorithm: 'HS256', expiresIn: '1h' }),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A response, or `timeout` when the API did not answer within `ms` (a hang is a failure, never a wait). */
export async function within<T extends request.Test>(
  test: T,
  ms: number,
): Promise<{ status: number | 'timeout' | 'network'; body: unknown; type?: string }> {
  try {
    const response = await test.timeout({ response: ms, deadline: ms });
    return { status: response.status, body: response.body, type: response.headers['content-type'] };
  } catch (error) {
    const { timeout, status, response } = error as { timeout?: number; status?: number; response?: request.Response };
    if (timeout) return { status: 'timeout', body: String(error) };
    if (status && response) return { status, body: response.body, type: response.headers['content-type'] };
    return { status: 'network', body: String(error) };
  }
}
