import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { log } from '../support/log';
import { withDatabase } from '../support/throwaway-database';
import { AppendContender, benchEvent } from './append-workload';

/** What one single-event append costs each contender: round trips from the client, and work on the server. */
export interface AppendProfile {
  contender: string;
  roundTripsPerAppend: number;
  transactionsPerAppend: number;
  rowsInsertedPerAppend: number;
  rowsUpdatedPerAppend: number;
  /** indexes on the tables the append writes to (each insert updates every one of them) */
  indexesWritten: number;
  /** median client-side latency at 1 writer, ms */
  medianLatencyMs: number;
}

const APPENDS = 300;

/**
 * Counts the statements every `pg` client sends (by wrapping `Client.prototype.query` for the
 * duration) while one writer makes `APPENDS` appends, and reads the database's own counters
 * (`pg_stat_database`, flushed when the pool's backends exit) before and after.
 */
export async function profileAppend(
  serverUrl: string,
  key: string,
  open: (url: string, poolSize: number) => Promise<AppendContender>,
): Promise<AppendProfile> {
  return withDatabase(serverUrl, `profile_${key}`, async (db) => {
    const contender = await open(db.url, 1);
    const tag = randomBytes(4).toString('hex');
    for (let i = 0; i < 20; i++) await contender.append(benchEvent(`${tag}w`, 0, i, 8));
    await contender.close();
    const before = await databaseCounters(serverUrl, db.name);
    const measured = await open(db.url, 1);
    const latencies: number[] = [];
    const queries = countQueries();
    try {
      for (let i = 0; i < APPENDS; i++) {
        const started = performance.now();
        await measured.append(benchEvent(tag, 0, i, 8));
        latencies.push(performance.now() - started);
      }
    } finally {
      queries.stop();
      await measured.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 700)); // let the exiting backends flush their statistics
    const after = await databaseCounters(serverUrl, db.name);
    const indexes = await indexesOnWrittenTables(db.url);
    latencies.sort((a, b) => a - b);
    const profile: AppendProfile = {
      contender: measured.name,
      roundTripsPerAppend: queries.count / APPENDS,
      transactionsPerAppend: (after.xact_commit - before.xact_commit) / APPENDS,
      rowsInsertedPerAppend: (after.tup_inserted - before.tup_inserted) / APPENDS,
      rowsUpdatedPerAppend: (after.tup_updated - before.tup_updated) / APPENDS,
      indexesWritten: indexes,
      medianLatencyMs: latencies[Math.floor(latencies.length / 2)],
    };
    log(`append profile ${key}: ${JSON.stringify(profile)}`);
    return profile;
  });
}

function countQueries(): { readonly count: number; stop(): void } {
  const original = Client.prototype.query;
  let count = 0;
  Client.prototype.query = function (this: Client, ...args: unknown[]) {
    count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof Client.prototype.query;
  return {
    get count() {
      return count;
    },
    stop: () => {
      Client.prototype.query = original;
    },
  };
}

interface Counters {
  xact_commit: number;
  tup_inserted: number;
  tup_updated: number;
}

async function databaseCounters(serverUrl: string, name: string): Promise<Counters> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    // the admin session itself commits in another database, so it does not count here
    const { rows } = await client.query<Record<keyof Counters, string>>(
      'SELECT xact_commit, tup_inserted, tup_updated FROM pg_stat_database WHERE datname = $1',
      [name],
    );
    return {
      xact_commit: Number(rows[0].xact_commit),
      tup_inserted: Number(rows[0].tup_inserted),
      tup_updated: Number(rows[0].tup_updated),
    };
  } finally {
    await client.end();
  }
}

async function indexesOnWrittenTables(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      `SELECT count(*)::text AS count FROM pg_index i JOIN pg_stat_user_tables t ON t.relid = i.indrelid WHERE t.n_tup_ins > 0`,
    );
    return Number(rows[0].count);
  } finally {
    await client.end();
  }
}
