import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { PGliteDriver, getPGliteInstance } from 'typeorm-pglite';
import { EventStore } from '@app/event-store';
import { EsdbEventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { ensureEventStoreSchema } from '@app/event-store';
import { PgliteSqlClient } from '@app/event-store';
import { PostgresSqlClient } from '@app/event-store';
import { SqlClient } from '@app/event-store';
import { AppConfig } from '../config/app-config';
import { StartupFailure } from '../startup/startup-failure';
import { databaseMigrations } from './database-schema';

/**
 * The stores the service runs on: the event store (PostgreSQL, PGlite or EventStoreDB) and the SQL
 * client the projections write and the query functions read through. TypeORM only runs the
 * read models' migrations at start-up, over the same database.
 */
export interface Storage {
  sql: SqlClient;
  store: EventStore;
  close(): Promise<void>;
}

/** The configured database cannot be opened: which store, where (never the credentials), and what it answered. */
export class StoreUnavailable extends StartupFailure {}

export async function openStorage(config: AppConfig): Promise<Storage> {
  const { sql, dataSource } = config.embedded ? await openEmbedded(config.DATA_DIR) : await openServer(config.DATABASE_URL!);
  try {
    await sql.query('SELECT 1').catch((error: unknown) => {
      throw new StoreUnavailable([`Cannot open ${storeName(config)}: ${reasonOf(error)}`]);
    });
    await migrate(dataSource);
    // on a server, TypeORM's own connection is needed no more; over PGlite it is the shared instance
    if (!config.embedded) await dataSource.destroy();
    const store = await openEventStore(config, sql);
    return {
      sql,
      store,
      async close() {
        await store.close();
        // over PGlite, TypeORM's driver shares (and on destroy closes) the one embedded instance
        if (dataSource.isInitialized) await dataSource.destroy();
        await sql.close();
      },
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
}

/** Runs the pending migrations, one transaction each. */
async function migrate(dataSource: DataSource): Promise<void> {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
}

async function openEventStore(config: AppConfig, sql: SqlClient): Promise<EventStore> {
  if (config.EVENT_STORE === 'esdb') return EsdbEventStore.connect(config.EVENTSTORE_CONNECTION_STRING!);
  await ensureEventStoreSchema(sql);
  return new PostgresEventStore(sql);
}

async function openEmbedded(dataDir: string): Promise<{ sql: SqlClient; dataSource: DataSource }> {
  const dir = resolve(dataDir, 'pglite');
  try {
    mkdirSync(dir, { recursive: true });
    // typeorm-pglite keeps one PGlite per process; the event store and the read models share it.
    const driver = new PGliteDriver({ dataDir: dir }).driver;
    const sql = new PgliteSqlClient(await getPGliteInstance());
    return { sql, dataSource: new DataSource({ type: 'postgres', driver, ...readModelOptions() }) };
  } catch (error) {
    throw new StoreUnavailable([`Cannot open the embedded PGlite in ${dir}: ${reasonOf(error)}`]);
  }
}

/** `PostgreSQL at 127.0.0.1:5432, database "gov" (events and read models)`: what and where, never who */
function storeName(config: AppConfig): string {
  if (config.embedded) return `the embedded PGlite in ${resolve(config.DATA_DIR, 'pglite')}`;
  const url = new URL(config.DATABASE_URL!);
  const database = decodeURIComponent(url.pathname.slice(1));
  const where = `${url.hostname || 'localhost'}:${url.port || '5432'}${database ? `, database "${database}"` : ''}`;
  return `PostgreSQL at ${where} (${config.EVENT_STORE === 'esdb' ? 'read models' : 'events and read models'}, DATABASE_URL)`;
}

/** the driver's own words, one line: an AggregateError (each address tried) says nothing itself */
function reasonOf(error: unknown): string {
  const messages =
    error instanceof AggregateError && error.errors.length > 0
      ? error.errors.map((each: unknown) => (each instanceof Error ? each.message : String(each)))
      : [error instanceof Error ? error.message : String(error)];
  const refused = (error as { code?: unknown }).code === 'ECONNREFUSED' || messages.some((m) => m.includes('ECONNREFUSED'));
  return [...new Set(messages)].join('; ').replace(/\s+/g, ' ') + (refused ? ' (is the server running there?)' : '');
}

async function openServer(url: string): Promise<{ sql: SqlClient; dataSource: DataSource }> {
  const sql = new PostgresSqlClient({ connectionString: url, max: 20, connectionTimeoutMillis: 5000 });
  return { sql, dataSource: new DataSource({ type: 'postgres', url, poolSize: 1, ...readModelOptions() }) };
}

function readModelOptions() {
  return { migrations: databaseMigrations, synchronize: false, logging: false } as const;
}
