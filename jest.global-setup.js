/* Probes the PostgreSQL server once per run. Suites read TEST_POSTGRES to choose their backends. */
const { Client } = require('pg');

module.exports = async function globalSetup() {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    process.env.TEST_POSTGRES = 'available';
  } catch (error) {
    if (process.env.CI === 'true') throw new Error(`CI=true: PostgreSQL at ${url} must be reachable (${error.message})`, { cause: error });
    process.env.TEST_POSTGRES = 'unavailable';
    console.warn(`\nNo PostgreSQL at ${url}: suites run on PGlite only; PostgreSQL-only tests are SKIPPED.\n`);
  } finally {
    await client.end().catch(() => undefined);
  }
};
