import 'reflect-metadata';
import { PostgresEventStore } from '@app/event-store/postgres/postgres-event-store';
import { countEventsAfterInPostgres } from '@app/event-store/postgres/count-events-after';
import { runProjectionsCli } from '@app/event-store/projections/rebuild-cli';
import { loadConfig } from '../config/app-config';
import { allProjections } from '../projections/projection-registry';
import { openStorage } from '../storage/open-storage';

/**
 * `npm run projections -- status | rebuild NAME | rebuild --all` against the configured stores
 * (DATABASE_URL, or the embedded PGlite under DATA_DIR — stop the service first there: PGlite
 * admits one process).
 */
async function main(argv: string[]): Promise<number> {
  const storage = await openStorage(loadConfig());
  try {
    return await runProjectionsCli(argv, {
      store: storage.store,
      sql: storage.sql,
      projections: allProjections,
      countEventsAfter: storage.store instanceof PostgresEventStore ? countEventsAfterInPostgres(storage.sql) : undefined,
    });
  } finally {
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
