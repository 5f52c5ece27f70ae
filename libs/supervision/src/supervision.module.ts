import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { CommandExecutor, EVENT_STORE, ProjectionRunner, SQL_CLIENT, type EventStore, type SqlClient } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { DEFAULT_SUPERVISION_LIMITS } from './domain';
import { RedCardsController } from './red-cards/red-cards.controller';
import { SUPERVISION_OPTIONS, type SupervisionOptions } from './shared/supervision-options';
import { supervisionCatchUp } from './sweep/catch-up';
import { SweepSchedule } from './sweep/sweep-schedule';
import { Sweeper } from './sweep/sweeper';
import { SweepsController } from './sweep/sweeps.controller';
import { WarningsController, warningsCacheProvider } from './warnings/warnings.controller';

/** Starts the daily sweep where this process runs the projections (and `SWEEP_AT` is not `off`); stops it before the stores close. */
@Injectable()
export class SweepScheduleHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private schedule: SweepSchedule | null = null;

  constructor(
    private readonly sweeper: Sweeper,
    @Inject(SUPERVISION_OPTIONS) private readonly options: SupervisionOptions,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('supervision');
  }

  onApplicationBootstrap(): void {
    if (!this.options.runSchedule || this.options.sweepAt === 'off') return;
    this.schedule = new SweepSchedule(this.sweeper, {
      sweepAt: this.options.sweepAt,
      timeZone: businessCalendar().timeZone,
      log: (message) => this.logger.info(message),
      error: (message, error) => this.logger.error({ err: error }, message),
    });
    this.schedule.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.schedule?.stop();
  }
}

/**
 * libs/supervision in the API: red cards (routes and read model), warnings as of any date, the
 * sweep (on request and daily). Commands go through the app's one CommandExecutor.
 */
@Module({})
export class SupervisionModule {
  static forRootAsync(options: { inject: never[] | unknown[]; useFactory: (...args: never[]) => SupervisionOptions }): DynamicModule {
    return {
      module: SupervisionModule,
      controllers: [RedCardsController, WarningsController, SweepsController],
      providers: [
        { provide: SUPERVISION_OPTIONS, inject: options.inject as never[], useFactory: options.useFactory },
        warningsCacheProvider,
        {
          provide: Sweeper,
          inject: [EVENT_STORE, SQL_CLIENT, CommandExecutor, ProjectionRunner, SUPERVISION_OPTIONS, PinoLogger],
          useFactory: (
            store: EventStore,
            sql: SqlClient,
            commands: CommandExecutor,
            runner: ProjectionRunner,
            config: SupervisionOptions,
            logger: PinoLogger,
          ) =>
            new Sweeper({
              store,
              sql,
              commands,
              calendar: businessCalendar(),
              limits: { ...DEFAULT_SUPERVISION_LIMITS, yellowWorkdays: config.yellowWorkdays },
              catchUp: supervisionCatchUp(store, sql, runner),
              log: (message) => logger.info({ context: 'supervision' }, message),
            }),
        },
        SweepScheduleHost,
      ],
    };
  }
}
