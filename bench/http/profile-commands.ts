/**
 * `node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/http/profile-commands.ts [seconds] [submissions]`:
 * one accept + complete run of section 2 for profiling, with what the API sent PostgreSQL per
 * command. On a server with `pg_stat_statements` preloaded (BENCH_DATABASE_URL) it prints the
 * statements by calls and time per command; elsewhere only the transaction and tuple counts of
 * `pg_stat_database`. BENCH_API_NODE_FLAGS='--cpu-prof --cpu-prof-dir=…' profiles the API.
 */
import 'reflect-metadata';
import { backendCpuSince, backendsOf, cpuByPid, cpuMs } from '../support/process-cpu';
import { Client } from 'pg';
import { startApi } from '../support/api-process';
import { log } from '../support/log';
import { withDatabase } from '../support/throwaway-database';
import { BENCH_DEPARTMENT, publishBenchMatter } from './bench-matter';
import { authHeaders, benchToken } from './bench-tokens';
import { acceptAndComplete } from './command-throughput';
import { submitApplications } from './submitted-applications';

interface Counters {
  xact_commit: number;
  tup_inserted: number;
  tup_updated: number;
  tup_fetched: number;
}

async function main(seconds: number, submissions: number): Promise<void> {
  const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  await withDatabase(serverUrl, 'profile', async (db) => {
    const api = await startApi(db.url, 'profile');
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      const matterId = await publishBenchMatter(api.baseUrl);
      const { ids } = await submitApplications(api.baseUrl, matterId, submissions);
      await new Promise((r) => setTimeout(r, 3000)); // the projections catch up with the submissions
      const statements = await admin.query('SELECT pg_stat_statements_reset()').then(
        () => true,
        () => false,
      );
      const before = await counters(admin, db.name);
      const cpuBefore = { api: cpuMs([api.pid]), pg: cpuByPid(backendsOf(db.name)), bench: process.cpuUsage() };
      const headers = authHeaders(benchToken({ roles: ['window_staff'], departmentId: BENCH_DEPARTMENT }));
      const result = await acceptAndComplete(api.baseUrl, headers, ids, 32, seconds);
      const cpu = {
        api: cpuMs([api.pid]) - cpuBefore.api,
        pg: backendCpuSince(db.name, cpuBefore.pg),
        bench: (process.cpuUsage(cpuBefore.bench).user + process.cpuUsage(cpuBefore.bench).system) / 1000,
      };
      await new Promise((r) => setTimeout(r, 1500)); // let the projections finish the tail
      const after = await counters(admin, db.name);
      const commands = result['2xx'];
      log(
        `${Math.round(commands / result.duration)} commands/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}`,
      );
      log(
        `CPU ms per command: API ${(cpu.api / commands).toFixed(3)}, PostgreSQL backends ${(cpu.pg / commands).toFixed(3)}, bench (autocannon) ${(cpu.bench / commands).toFixed(3)}`,
      );
      for (const key of Object.keys(before) as (keyof Counters)[])
        log(`${key} per command: ${((after[key] - before[key]) / commands).toFixed(2)}`);
      if (statements) await printStatements(admin, commands);
    } finally {
      await admin.end();
      await api.stop();
    }
  });
}

async function counters(client: Client, database: string): Promise<Counters> {
  await client.query('SELECT pg_stat_clear_snapshot()');
  await new Promise((r) => setTimeout(r, 600)); // the stats collector flushes about every 500 ms
  const { rows } = await client.query<Record<keyof Counters, string>>(
    'SELECT xact_commit, tup_inserted, tup_updated, tup_fetched FROM pg_stat_database WHERE datname = $1',
    [database],
  );
  const row = rows[0];
  return { xact_commit: +row.xact_commit, tup_inserted: +row.tup_inserted, tup_updated: +row.tup_updated, tup_fetched: +row.tup_fetched };
}

async function printStatements(client: Client, commands: number): Promise<void> {
  const { rows } = await client.query<{ calls: string; total: number; mean: number; query: string }>(
    `SELECT calls, total_exec_time + total_plan_time AS total, mean_exec_time AS mean,
       regexp_replace(query, '^\\s*SELECT .*? FROM', 'SELECT … FROM') AS query FROM pg_stat_statements
     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) ORDER BY calls DESC LIMIT 25`,
  );
  for (const row of rows)
    console.log(
      `${(+row.calls / commands).toFixed(2).padStart(6)} /cmd ${(row.total / commands).toFixed(3).padStart(7)} ms/cmd ${row.mean.toFixed(3).padStart(7)} ms  ${row.query.replace(/\s+/g, ' ').slice(0, 110)}`,
    );
}

const [seconds = '5', submissions = '6000'] = process.argv.slice(2);
main(Number(seconds), Number(submissions)).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
