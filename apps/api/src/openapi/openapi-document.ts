import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { AppConfig } from '../config/app-config';
import { documentDevSignIn } from '../dev-sign-in/dev-sign-in';

/** Operations that need no token: they say so with `security: []` (the document's default is the bearer token). */
const PUBLIC_PATHS = ['/health'];

/** The OpenAPI 3.1 description served at `/docs` and `/docs-json`, linted by `redocly lint` (redocly.yaml) in test/openapi.e2e-spec.ts. */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiDescription());
  // package.json: UNLICENSED — not open source; the clients of this contract use it under their agreement.
  document.info.license = { name: 'Proprietary (UNLICENSED)' };
  for (const path of PUBLIC_PATHS) for (const operation of Object.values(document.paths[path] ?? {})) operation.security = [];
  documentDevSignIn(document, app.get(AppConfig));
  return document;
}

function openApiDescription() {
  return new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('Government service management API')
    .setDescription(
      [
        'Event-sourced backend for service matters (政务服务事项), applications (办件), quality inspections (质量检查) and the provincial assessment (考核指标).',
        '',
        '**Conventions.** Every `/api/v1` route needs `Authorization: Bearer <HS256 JWT>`. Errors are `application/problem+json` (RFC 9457) `{type, title, status, detail, errors?}`.',
        'Commands answer `{id, version, position}` with `ETag: "<version>"`; send `If-Match` to make a command conditional (412 on mismatch) and `Idempotency-Key` to retry safely.',
        'Any GET accepts `?minPosition=P` and waits (up to 5 s, then 503) until the read models have processed global position P.',
        'Lists are paged with `page` (from 1) and `pageSize` (1–200). A path `{id}` is a UUID: anything else is 400 "id must be a UUID".',
      ].join('\n'),
    )
    .setVersion('1')
    .addServer('/', 'this server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .build();
}
