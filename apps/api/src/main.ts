import type { Server } from 'node:http';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { resolveJwtSecret } from './auth/jwt-secret';
import { AppConfig, loadConfig } from './config/app-config';
import { configureApp } from './configure-app';
import { limitHeapGrowth } from './heap-growth';
import { jsonBootLogger, type EntryPointLogger } from './startup/boot-logger';
import { describeStartupFailure, StartupFailure } from './startup/startup-failure';

limitHeapGrowth();

let bootLogger: EntryPointLogger | undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  resolveJwtSecret(config); // what serves HTTP verifies tokens: without a secret to do it with, stop here
  bootLogger = jsonBootLogger(config);
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: bootLogger, abortOnError: false });
  configureApp(app);
  await app.listen(config.PORT);
  closeIdleConnectionsWhenDraining(app);
  // through the app's logger: every line on stdout is one JSON object; this one is for a person
  app.get(Logger).log(listening(config), 'main');
}

/** `listening on http://localhost:3000 — OpenAPI /docs, health /health, metrics /metrics (embedded PGlite in ./data)` */
function listening(config: AppConfig) {
  const url = `http://localhost:${config.PORT}`;
  const store = config.embedded
    ? `embedded PGlite in ${config.DATA_DIR}`
    : `PostgreSQL${config.EVENT_STORE === 'esdb' ? ' and EventStoreDB' : ''}`;
  return { msg: `listening on ${url} — OpenAPI /docs, health /health, metrics /metrics (${store})`, url, docs: '/docs', store };
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

// stderr: the reason, for a person (one line per bad value or missing store); stdout: the same as a JSON log line
main().catch((error: unknown) => {
  const reason = describeStartupFailure(error);
  bootLogger?.fatal(error instanceof StartupFailure ? reason : { msg: 'could not start', err: error }, 'main');
  process.stderr.write(`${reason}\n`);
  process.exit(1);
});
