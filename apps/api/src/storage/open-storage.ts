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
import { databaseEntities, databaseMigrations } from './database-schema';

/**
 * The stores the service runs on: the event store (PostgreSQL, PGlite or EventStoreDB), the SQL
 * client the projections write through, and TypeORM's DataSource over the same database for the
 * read models' schema and queries.
 */
export interface Storage {
  sql: SqlClient;
  store: EventStore;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function openStorage(config: AppConfig): Promise<Storage> {
  const { sql, dataSource } = config.embedded ? await openEmbedded(config.DATA_DIR) : await openServer(config.DATABASE_URL!);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const store = await openEventStore(config, sql);
    return {
      sql,
      store,
      dataSource,
      async close() {
        await store.close();
        if (dataSource.isInitialized) await dataSource.destroy();
        await sql.close();
      },
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
}

async function openEventStore(config: AppConfig, sql: SqlClient): Promise<EventStore> {
  if (config.EVENT_STORE === 'esdb') return EsdbEventStore.connect(config.EVENTSTORE_CONNECTION_STRING!);
  await ensureEventStoreSchema(sql);
  return new PostgresEventStore(sql);
}

async function openEmbedded(dataDir: string): Promise<{ sql: SqlClient; dataSource: DataSource }> {
  const dir = resolve(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  // typeorm-pglite keeps one PGlite per process; the event store and the read models share it.
  const driver = new PGliteDriver({ dataDir: dir }).driver;
  const sql = new PgliteSqlClient(await getPGliteInstance());
  return { sql, dataSource: new DataSource({ type: 'postgres', driver, ...readModelOptions() }) };
}

async function openServer(url: string): Promise<{ sql: SqlClient; dataSource: DataSource }> {
  const sql = new PostgresSqlClient({ connectionString: url, max: 20, connectionTimeoutMillis: 5000 });
  return { sql, dataSource: new DataSource({ type: 'postgres', url, poolSize: 10, ...readModelOptions() }) };
}

function readModelOptions() {
  return { entities: databaseEntities, migrations: databaseMigrations, synchronize: false, logging: false } as const;
}
