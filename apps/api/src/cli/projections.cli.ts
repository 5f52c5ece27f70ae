import 'reflect-metadata';
import pino from 'pino';
import { CommandExecutor, PostgresEventStore, Reactor } from '@app/event-store';
import { countEventsAfterInPostgres } from '@app/event-store';
import { runProjectionsCli } from '@app/event-store';
import { loadConfig } from '../config/app-config';
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
  try {
    return await runProjectionsCli(argv, {
      store: storage.store,
      sql: storage.sql,
      projections: allProjections,
      countEventsAfter: storage.store instanceof PostgresEventStore ? countEventsAfterInPostgres(storage.sql) : undefined,
      logger: log,
    });
  } finally {
    await Promise.all(reactors.map((reactor) => reactor.stop()));
    await storage.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
