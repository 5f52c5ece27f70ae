import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { createThrowawayDatabase, TestBackend } from '@app/event-store/testing';
import { AppModule } from '../../apps/api/src/app.module';
import { TokenClaims } from '../../apps/api/src/auth/token-claims';
import { AppConfig, loadConfig } from '../../apps/api/src/config/app-config';
import { configureApp } from '../../apps/api/src/configure-app';
import { conformanceMiddleware } from './openapi-conformance';
import { TEST_JWT_SECRET } from './test-secret';

export { TEST_JWT_SECRET };

export interface TestApp {
  app: NestExpressApplication;
  /** the HTTP server for supertest */
  http: ReturnType<NestExpressApplication['getHttpServer']>;
  config: AppConfig;
  token(claims: Partial<TokenClaims> & Pick<TokenClaims, 'roles'>): string;
  close(): Promise<void>;
}

/**
 * The real application on a throwaway database: a new PostgreSQL database, or PGlite in a
 * temporary DATA_DIR. Nothing is mocked; `env` overrides configuration.
 */
export async function startTestApp(backend: TestBackend, env: Record<string, string> = {}): Promise<TestApp> {
  const database = backend === 'postgres' ? await createThrowawayDatabase('e2e') : undefined;
  return launchTestApp({ ...(database && { DATABASE_URL: database.url }), ...env }, async () => database?.drop());
}

/**
 * The application with this configuration (over test defaults) and a temporary DATA_DIR; `release`
 * runs after it has closed (e.g. to drop its database).
 */
export async function launchTestApp(env: Record<string, string>, release: () => Promise<void> = async () => undefined): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-e2e-'));
  // no daily sweep unless a test asks for one: at 00:05 city time it would append to any suite's store
  const config = loadConfig({
    DATA_DIR: dataDir,
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    SWEEP_AT: 'off',
    WEBHOOK_ALLOWED_HOSTS: '127.0.0.1',
    ...env,
  });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] })
    .overrideProvider(AppConfig)
    .useValue(config)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  // first, so that it sees every response (413 of the body parser too): each must conform to the OpenAPI document
  app.use(conformanceMiddleware(app));
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
      await release();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
