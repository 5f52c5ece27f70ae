import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { PgliteSqlClient } from '../sql/pglite-sql-client';
import { PostgresSqlClient } from '../sql/postgres-sql-client';
import { SqlClient } from '../sql/sql-client';

/**
 * Throwaway databases for integration tests: a fresh database on the PostgreSQL server of
 * `TEST_DATABASE_URL` (default the local one), or a fresh in-memory PGlite.
 * Where no server is reachable the PostgreSQL suites are skipped and say so — except under
 * CI=true, where that is a failure (CI must run everything).
 */
export const TEST_SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Set by `jest.global-setup.js`, which probes the server once per run. */
export function postgresReachable(): boolean {
  return process.env.TEST_POSTGRES === 'available';
}

export interface ThrowawayDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createThrowawayDatabase(prefix = 'test'): Promise<ThrowawayDatabase> {
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const admin = new Client({ connectionString: TEST_SERVER_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new Client({ connectionString: TEST_SERVER_URL });
      await c.connect();
      try {
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export interface TestSql {
  sql: SqlClient;
  /** the server database's URL; undefined for PGlite */
  url?: string;
  dispose(): Promise<void>;
}

export type TestBackend = 'postgres' | 'pglite';

export async function openTestSql(backend: TestBackend, prefix = 'test'): Promise<TestSql> {
  if (backend === 'pglite') {
    const sql = new PgliteSqlClient(await PGlite.create());
    return { sql, dispose: () => sql.close() };
  }
  const db = await createThrowawayDatabase(prefix);
  const sql = new PostgresSqlClient({ connectionString: db.url, max: 40 });
  return {
    sql,
    url: db.url,
    async dispose() {
      await sql.close();
      await db.drop();
    },
  };
}

/**
 * The backends a suite runs on: PGlite always; PostgreSQL when reachable (the global setup fails
 * the run under CI=true when it is not). Synchronous, so `describe.each(testBackends())` works.
 */
export function testBackends(): TestBackend[] {
  if (postgresReachable()) return ['postgres', 'pglite'];
  return ['pglite'];
}

/** `describe` for suites that need a PostgreSQL server (several connections, a restart, …): skipped, and said so, without one. */
export const describeOnPostgres: jest.Describe = postgresReachable() ? describe : describe.skip;
