import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigurationError } from '../config/app-config';

/**
 * The HS256 secret: AUTH_JWT_SECRET, or — on the embedded default only — one generated once into
 * DATA_DIR/jwt-secret (mode 0600) so `npm run token` and the service agree. Asked for by what
 * serves HTTP or signs tokens only: the scenario loader and the projections CLI never need it.
 */
export function resolveJwtSecret(config: AppConfig): string {
  if (config.AUTH_JWT_SECRET) return config.AUTH_JWT_SECRET;
  if (!config.embedded) {
    throw new ConfigurationError([
      'AUTH_JWT_SECRET is required with DATABASE_URL to serve or sign tokens (only the embedded default generates one)',
    ]);
  }
  const file = join(config.DATA_DIR, 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.DATA_DIR, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  return secret;
}
