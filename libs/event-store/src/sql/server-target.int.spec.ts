import { describeOnPostgres, TEST_SERVER_URL } from '../testing';
import { isConnectionError } from './connection-errors';
import { PostgresSqlClient } from './postgres-sql-client';
import { NoServerAvailable } from './server-target';

/** A multi-host URL over the machine's server and a loopback port nobody listens on (connection refused). */
function beside(deadFirst: boolean, attrs: string): string {
  const url = new URL(TEST_SERVER_URL);
  const hosts = deadFirst ? `127.0.0.1:1,${url.host}` : `${url.host},127.0.0.1:1`;
  return `postgres://${url.username}@${hosts}${url.pathname}?target_session_attrs=${attrs}`;
}

describeOnPostgres('PostgresSqlClient over several hosts', () => {
  it('read-write: skips a host that is down and works on the primary', async () => {
    const sql = new PostgresSqlClient({ connectionString: beside(true, 'read-write'), max: 1, connectionTimeoutMillis: 2000 });
    try {
      expect(await sql.query('SELECT pg_is_in_recovery() AS standby')).toEqual([{ standby: false }]);
      expect(await sql.serverUrl()).toBe(
        `postgres://${new URL(TEST_SERVER_URL).username}@${new URL(TEST_SERVER_URL).host}${new URL(TEST_SERVER_URL).pathname}`,
      );
      expect(await sql.transaction((tx) => tx.query('SELECT 1 AS one'))).toEqual([{ one: 1 }]);
      const lock = await sql.tryAdvisoryLock('server-target-spec');
      expect(lock?.held).toBe(true);
      await lock?.release();
    } finally {
      await sql.close();
    }
  });

  it('standby, with no standby up: every query fails at once as a connection error (503), and the next one asks again', async () => {
    const sql = new PostgresSqlClient({ connectionString: beside(false, 'standby'), max: 1, connectionTimeoutMillis: 2000 });
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const failure = await sql.query('SELECT 1').catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(NoServerAvailable);
        expect(isConnectionError(failure)).toBe(true);
        expect((failure as Error).message).toMatch(/no server of .* takes standby sessions now/);
      }
    } finally {
      await sql.close();
    }
  });
});
