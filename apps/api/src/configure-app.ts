import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { API_PREFIX } from '@app/http';
import { AppConfig } from './config/app-config';
import { createValidationPipe } from './http/validation.pipe';
import { httpMetrics } from './metrics/http-metrics';

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
  // SIGTERM/SIGINT: stop accepting, drain the requests in flight, stop the projection runners
  // (releasing their locks), close the pools, then exit 0 — not re-raise the signal.
  app.enableShutdownHooks([], { useProcessExit: true });
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApiDescription()), { jsonDocumentUrl: 'docs-json' });
}

function openApiDescription() {
  return new DocumentBuilder()
    .setTitle('Government service management API')
    .setDescription(
      [
        'Event-sourced backend for service matters (政务服务事项), applications (办件), quality inspections (质量检查) and the provincial assessment (考核指标).',
        '',
        '**Conventions.** Every `/api/v1` route needs `Authorization: Bearer <HS256 JWT>`. Errors are `application/problem+json` (RFC 9457) `{type, title, status, detail, errors?}`.',
        'Commands answer `{id, version, position}` with `ETag: "<version>"`; send `If-Match` to make a command conditional (412 on mismatch) and `Idempotency-Key` to retry safely.',
        'Any GET accepts `?minPosition=P` and waits (up to 5 s, then 503) until the read models have processed global position P.',
      ].join('\n'),
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
}
