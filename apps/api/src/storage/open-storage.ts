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
import { ReadReplica } from '@app/event-store';
import { parseServerTarget } from '@app/event-store';
import { SqlClient, type SqlExecutor } from '@app/event-store';
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
  /** the read models' queries: READ_DATABASE_URL's replica, else `sql` itself */
  reads: SqlExecutor;
  store: EventStore;
  close(): Promise<void>;
}

/** The configured database cannot be opened: which store, where (never the credentials), and what it answered. */
export class StoreUnavailable extends StartupFailure {}

export async function openStorage(config: AppConfig): Promise<Storage> {
  const { sql, dataSource } = config.embedded ? await openEmbedded(config.DATA_DIR) : await openServer(config);
  try {
    await sql.query('SELECT 1').catch((error: unknown) => {
      throw new StoreUnavailable([`Cannot open ${storeName(config)}: ${reasonOf(error)}`]);
    });
    await migrate(dataSource);
    // on a server, TypeORM's own connection is needed no more; over PGlite it is the shared instance
    if (!config.embedded) await dataSource.destroy();
    const store = await openEventStore(config, sql);
    const replica = config.READ_DATABASE_URL ? await openReplica(config.READ_DATABASE_URL, sql) : null;
    return {
      sql,
      reads: replica ?? sql,
      store,
      async close() {
        await store.close();
        // over PGlite, TypeORM's driver shares (and on destroy closes) the one embedded instance
        if (dataSource.isInitialized) await dataSource.destroy();
        await replica?.close();
        await sql.close();
      },
    };
  } catch (error) {
    await sql.close().catch(() => undefined);
    throw error;
  }
}

/**
 * The replica the queries read. It must answer at start-up, as the primary must, and have replayed
 * the schema the migrations just wrote; tables the projections create later (a new version) read
 * as "behind" until it has them (ReadReplica). Once running, a replica that goes away makes the
 * queries answer 503 until it is back; the commands go on.
 */
async function openReplica(url: string, primary: SqlClient): Promise<ReadReplica> {
  const reads = new PostgresSqlClient({ connectionString: url, max: 20, connectionTimeoutMillis: 5000 });
  const where = `the read replica at ${parseServerTarget(url).description} (READ_DATABASE_URL)`;
  try {
    const [{ lsn }] = await primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const deadline = Date.now() + REPLICA_SCHEMA_WAIT_MS;
    for (;;) {
      const [replayed] = await reads.query<{ caught: boolean }>(
        'SELECT NOT pg_is_in_recovery() OR pg_last_wal_replay_lsn() >= $1::pg_lsn AS caught',
        [lsn],
      );
      if (replayed.caught) return new ReadReplica(reads);
      if (Date.now() > deadline)
        throw new Error(`it has not replayed the schema within ${REPLICA_SCHEMA_WAIT_MS / 1000} s: is it a replica of DATABASE_URL?`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } catch (error) {
    await reads.close().catch(() => undefined);
    throw new StoreUnavailable([`Cannot open ${where}: ${reasonOf(error)}`]);
  }
}

const REPLICA_SCHEMA_WAIT_MS = 60_000;

/** Runs the pending migrations, one transaction each. */
async function migrate(dataSource: DataSource): Promise<void> {
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
}

async function openEventStore(config: AppConfig, sql: SqlClient): Promise<EventStore> {
  if (config.EVENT_STORE === 'esdb') return EsdbEventStore.connect(config.EVENTSTORE_CONNECTION_STRING!);
  await ensureEventStoreSchema(sql);
  return new PostgresEventStore(sql, { wakeEveryMs: config.appendWakeMs });
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
  const where = parseServerTarget(config.DATABASE_URL!).description;
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

/** The pool over DATABASE_URL's server (of several hosts, the one that fits its target_session_attrs); TypeORM migrates that one. */
async function openServer(config: AppConfig): Promise<{ sql: SqlClient; dataSource: DataSource }> {
  const sql = new PostgresSqlClient({ connectionString: config.DATABASE_URL!, max: 20, connectionTimeoutMillis: 5000 });
  const url = await sql.serverUrl().catch(async (error: unknown) => {
    await sql.close().catch(() => undefined);
    throw new StoreUnavailable([`Cannot open ${storeName(config)}: ${reasonOf(error)}`]);
  });
  return { sql, dataSource: new DataSource({ type: 'postgres', url, poolSize: 1, ...readModelOptions() }) };
}

function readModelOptions() {
  return { migrations: databaseMigrations, synchronize: false, logging: false } as const;
}
