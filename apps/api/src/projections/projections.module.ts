import { Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/event-store';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { MinPositionInterceptor } from './min-position.interceptor';
import { OwnWritesInterceptor } from './own-writes.interceptor';
import { allProjections } from './projection-registry';

/**
 * Runs every projection in this instance (one active runner per projection across instances), or,
 * with RUN_PROJECTIONS=false, only follows the checkpoints of the process that runs them.
 */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, SQL_CLIENT, PinoLogger],
      useFactory: (store: EventStore, sql: SqlClient, logger: PinoLogger) => {
        logger.setContext('projections');
        return new ProjectionRunner(store, sql, allProjections, {
          logger: { log: (message) => logger.info(message), error: (message, error) => logger.error({ err: error }, message) },
        });
      },
    },
    { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
    { provide: APP_INTERCEPTOR, useClass: OwnWritesInterceptor },
  ],
  exports: [ProjectionRunner],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.RUN_PROJECTIONS) await this.runner.start();
    else this.runner.observe();
  }

  /** Graceful shutdown: finish the current batches, release the locks (before the stores close). */
  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }
}
