import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A database of its own for one measurement, created on the bench server and dropped afterwards. */
export interface ThrowawayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createDatabase(serverUrl: string, label: string): Promise<ThrowawayDatabase> {
  const name = `bench_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`.toLowerCase();
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Runs `work` on a fresh database and always drops it. */
export async function withDatabase<T>(serverUrl: string, label: string, work: (db: ThrowawayDatabase) => Promise<T>): Promise<T> {
  const db = await createDatabase(serverUrl, label);
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}

async function admin(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
