import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AbstractLoader, ExpressLoader, ServeStaticModule } from '@nestjs/serve-static';

/** Where the console is served: beside `/api/v1`, `/docs`, `/health` and `/metrics`, never over them. */
export const CONSOLE_PATH = '/console';

/** The console's build (`npm --prefix apps/console run build`), relative to where the service is started. */
export const consoleDist = (): string => resolve(process.env.CONSOLE_DIST ?? 'apps/console/dist');

const cacheHeaders = (response: { setHeader(name: string, value: string): void }, path: string) =>
  // hashed file names under assets/ never change; index.html names the current ones
  response.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');

/** Express's loader, doing nothing where Nest runs without HTTP (the CLIs' application contexts). */
class ConsoleLoader extends ExpressLoader {
  override register(...args: Parameters<ExpressLoader['register']>): void {
    if (!args[0]) return;
    super.register(...args);
  }
}

/**
 * The web console's static files at /console (its client-side routes fall back to index.html).
 * Served only when the build exists: an unbuilt console leaves the API as it was.
 */
export const ConsoleModule = ServeStaticModule.forRootAsync({
  useFactory: () => {
    const rootPath = consoleDist();
    if (!existsSync(join(rootPath, 'index.html'))) return [];
    return [{ rootPath, serveRoot: CONSOLE_PATH, serveStaticOptions: { setHeaders: cacheHeaders, fallthrough: true } }];
  },
  // The module picks its loader when it is instantiated, by the HTTP adapter it sees then; a testing
  // module is compiled before it has one (and would get the no-op loader). This API runs on Express.
  extraProviders: [{ provide: AbstractLoader, useClass: ConsoleLoader }],
});
