import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from '@app/http';
import { AppConfig } from './config/app-config';
import { answerClientErrors } from './http/client-errors';
import { createValidationPipe } from './http/validation.pipe';
import { httpMetrics } from './metrics/http-metrics';
import { openApiDocument } from './openapi/openapi-document';

/** What every instance of the API gets, in `main.ts` and in the e2e tests alike. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(httpMetrics);
  app.useBodyParser('json', { limit: config.BODY_LIMIT, strict: true });
  const strict = helmet();
  const forDocs = helmet({ contentSecurityPolicy: false });
  app.use((request: { path: string }, response: unknown, next: () => void) =>
    (request.path.startsWith('/docs') ? forDocs : strict)(request as never, response as never, next),
  );
  app.setGlobalPrefix(API_PREFIX, { exclude: ['health', 'metrics'] });
  app.useGlobalPipes(createValidationPipe());
  answerClientErrors(app.getHttpServer());
  // SIGTERM/SIGINT: stop accepting, drain the requests in flight, stop the projection runners
  // (releasing their locks), close the pools, then exit 0 — not re-raise the signal.
  app.enableShutdownHooks([], { useProcessExit: true });
  SwaggerModule.setup('docs', app, () => openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
