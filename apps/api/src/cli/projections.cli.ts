import 'reflect-metadata';
import pino from 'pino';
import { CommandExecutor, PostgresEventStore, ProjectionRunner, Reactor } from '@app/event-store';
import { businessCalendar } from '@app/kernel';
import { WebhookDispatcher } from '@app/notifications';
import { DEFAULT_SUPERVISION_LIMITS, supervisionCatchUp, Sweeper, SweepSchedule } from '@app/supervision';
import type { AppConfig } from '../config/app-config';
import type { Storage } from '../storage/open-storage';
import { countEventsAfterInPostgres } from '@app/event-store';
import { runProjectionsCli } from '@app/event-store';
import { loadConfig } from '../config/app-config';
import { webhookRetry } from '../config/webhook-retry';
import { limitHeapGrowth } from '../heap-growth';
import { allProjections } from '../projections/projection-registry';
import { allReactions } from '../projections/reactions';
import { openStorage } from '../storage/open-storage';

/**
 * `npm run projections -- run | status | rebuild NAME | rebuild --all` against the configured
 * stores (DATABASE_URL, or the embedded PGlite under DATA_DIR — stop the service first there:
 * PGlite admits one process). `run` logs JSON lines at LOG_LEVEL, like the API.
 */
async function main(argv: string[]): Promise<number> {
  limitHeapGrowth();
  const config = loadConfig();
  const storage = await openStorage(config);
  const logger = pino({ level: config.LOG_LEVEL, base: { context: 'projections' } });
  // the daily sweep runs where the projections run (README, Configuration: SWEEP_AT)
  const schedule = argv[0] === 'run' && config.SWEEP_AT !== 'off' ? sweepSchedule(config, storage, logger) : null;
  schedule?.start();
  const log = {
    log: (message: string) => logger.info(message),
    error: (message: string, error: unknown) => logger.error({ err: error }, message),
  };
  // `run` hosts the policies too (reactions.ts): they run where the projections run
  const reactors =
    argv[0] === 'run'
      ? allReactions(storage.store, new CommandExecutor(storage.store), config).map(
          (reaction) => new Reactor(storage.store, storage.sql, reaction, { logger: log }),
        )
      : [];
  for (const reactor of reactors) reactor.start();
  // and the webhook dispatcher of the outbox
  const dispatcher = argv[0] === 'run' ? new WebhookDispatcher(storage.sql, { retry: webhookRetry(config), logger: log }) : null;
  dispatcher?.start();
  try {
    return await runProjectionsCli(argv, {
      store: storage.store,
      sql: storage.sql,
      projections: allProjections,
      countEventsAfter: storage.store instanceof PostgresEventStore ? countEventsAfterInPostgres(storage.sql) : undefined,
      logger: log,
    });
  } finally {
    await schedule?.stop();
    await Promise.all([...reactors.map((reactor) => reactor.stop()), dispatcher?.stop()]);
    await storage.close();
  }
}

/** The daily sweep of this process: its commands go through a CommandExecutor; it waits for the checkpoints this process writes. */
function sweepSchedule(config: AppConfig, storage: Storage, logger: pino.Logger): SweepSchedule {
  const checkpoints = new ProjectionRunner(storage.store, storage.sql, allProjections);
  checkpoints.observe();
  const sweeper = new Sweeper({
    store: storage.store,
    sql: storage.sql,
    commands: new CommandExecutor(storage.store),
    calendar: businessCalendar(),
    limits: { ...DEFAULT_SUPERVISION_LIMITS, yellowWorkdays: config.SUPERVISION_YELLOW_WORKDAYS },
    catchUp: supervisionCatchUp(storage.store, storage.sql, checkpoints),
    log: (message) => logger.info({ context: 'supervision' }, message),
  });
  return new SweepSchedule(sweeper, {
    sweepAt: config.SWEEP_AT,
    timeZone: businessCalendar().timeZone,
    log: (message) => logger.info({ context: 'supervision' }, message),
    error: (message, error) => logger.error({ context: 'supervision', err: error }, message),
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
