import { DevSignInDto, DevTokenDto, DevTokenRequestDto } from './dev-token.dto';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { AppConfig } from '../config/app-config';

/**
 * The console's 开发登录 exists only where the service generated its own secret: the embedded
 * default (no DATABASE_URL) without AUTH_JWT_SECRET. Anywhere else its routes answer 404 and are
 * left out of the OpenAPI document, as if they were never there.
 */
export const devSignInEnabled = (config: AppConfig): boolean => config.embedded && !config.AUTH_JWT_SECRET;

export const DEV_SIGN_IN_PATHS = ['/api/v1/dev/sign-in', '/api/v1/dev/tokens'];

/** The document without the dev routes where they do not exist. */
export function documentDevSignIn(document: OpenAPIObject, config: AppConfig): void {
  for (const path of DEV_SIGN_IN_PATHS) {
    if (!devSignInEnabled(config)) delete document.paths[path];
    else for (const operation of Object.values(document.paths[path] ?? {})) operation.security = [];
  }
  // without the routes their schemas are unused: gone too (redocly's no-unused-components)
  if (!devSignInEnabled(config)) for (const schema of DEV_SIGN_IN_SCHEMAS) delete document.components?.schemas?.[schema];
}

const DEV_SIGN_IN_SCHEMAS = [DevSignInDto.name, DevTokenRequestDto.name, DevTokenDto.name];
