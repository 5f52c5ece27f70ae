import type { Server } from 'node:http';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { limitHeapGrowth } from './heap-growth';

limitHeapGrowth();

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true });
  configureApp(app);
  const config = app.get(AppConfig);
  await app.listen(config.PORT);
  closeIdleConnectionsWhenDraining(app);
  const mode = config.embedded ? `embedded PGlite in ${config.DATA_DIR}` : 'PostgreSQL';
  // through the app's logger: every line on stdout is one JSON object
  app.get(Logger).log(`API listening on http://localhost:${config.PORT} (${mode}); OpenAPI at /docs`, 'main');
}

/**
 * On SIGTERM/SIGINT the shutdown hooks (configureApp) close the server, which waits for every
 * open connection. A client's keep-alive connection would hold that wait until the client's idle
 * timeout: close each connection as soon as its last response is sent, so draining takes as long
 * as the slowest request in flight.
 */
function closeIdleConnectionsWhenDraining(app: NestExpressApplication): void {
  const server = app.getHttpServer() as Server;
  const drain = () => setInterval(() => server.closeIdleConnections(), 50).unref();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, drain);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
