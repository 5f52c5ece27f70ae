import { Global, Inject, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { PinoLogger } from 'nestjs-pino';
import { CommandExecutor, EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner, Reactor } from '@app/event-store';
import { READ_SQL, SQL_CLIENT, type SqlClient, type SqlExecutor } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { MinPositionInterceptor } from './min-position.interceptor';
import { OwnWritesInterceptor } from './own-writes.interceptor';
import { allProjections } from './projection-registry';
import { allReactions } from './reactions';

export const REACTORS = Symbol('REACTORS');

/**
 * Runs every projection in this instance (one active runner per projection across instances), or,
 * with RUN_PROJECTIONS=false, only follows the checkpoints of the process that runs them. The
 * policies (reactions.ts) run beside the projections: here with RUN_PROJECTIONS=true, else in the
 * projections process.
 */
@Global()
@Module({
  providers: [
    {
      provide: ProjectionRunner,
      inject: [EVENT_STORE, SQL_CLIENT, READ_SQL, PinoLogger],
      useFactory: (store: EventStore, sql: SqlClient, reads: SqlExecutor, logger: PinoLogger) => {
        logger.setContext('projections');
        return new ProjectionRunner(store, sql, allProjections, {
          ...(reads !== sql && { readsFrom: reads }),
          logger: { log: (message) => logger.info(message), error: (message, error) => logger.error({ err: error }, message) },
        });
      },
    },
    {
      provide: REACTORS,
      inject: [EVENT_STORE, SQL_CLIENT, CommandExecutor, AppConfig, PinoLogger],
      useFactory: (store: EventStore, sql: SqlClient, commands: CommandExecutor, config: AppConfig, logger: PinoLogger) =>
        allReactions(store, commands, config).map(
          (reaction) =>
            new Reactor(store, sql, reaction, {
              logger: { log: (message) => logger.info(message), error: (message, error) => logger.error({ err: error }, message) },
            }),
        ),
    },
    { provide: APP_INTERCEPTOR, useClass: MinPositionInterceptor },
    { provide: APP_INTERCEPTOR, useClass: OwnWritesInterceptor },
  ],
  exports: [ProjectionRunner, REACTORS],
})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(REACTORS) private readonly reactors: Reactor[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.RUN_PROJECTIONS) return this.runner.observe();
    await this.runner.start();
    for (const reactor of this.reactors) reactor.start();
  }

  /** Graceful shutdown: finish the current batches and reactions, release the locks (before the stores close). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.runner.stop(), ...this.reactors.map((reactor) => reactor.stop())]);
  }
}
