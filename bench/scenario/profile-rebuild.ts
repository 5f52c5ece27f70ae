/**
 * `PROFILE_DATABASE_URL=… node -r ts-node/register/transpile-only -r tsconfig-paths/register bench/scenario/profile-rebuild.ts`:
 * section 3 on a database already loaded (e.g. by `npm run scenario -- shaoxing-2019 --bulk`),
 * for profiling: every projection reset, the API started, and per projection the second it went
 * live; the CPU seconds of the API and of its PostgreSQL backends; the API's peak RSS.
 * BENCH_API_NODE_FLAGS='--cpu-prof --cpu-prof-dir=…' profiles the API. Leaves the database loaded.
 */
import 'reflect-metadata';
import { PostgresSqlClient } from '@app/event-store';
import { startApi } from '../support/api-process';
import { log } from '../support/log';
import { backendsOf, cpuMs } from '../support/process-cpu';
import { checkpointBefore, resetProjections } from './rebuild-in-api';

async function main(): Promise<void> {
  const url = process.env.PROFILE_DATABASE_URL;
  if (!url) throw new Error('set PROFILE_DATABASE_URL to a database holding a loaded scenario');
  const database = new URL(url).pathname.slice(1);
  const { events, last, rebuilt } = await resetProjections(url);
  log(`${events} events; rebuilding ${rebuilt.join(', ')}`);
  const started = performance.now();
  const api = await startApi(url, 'profile-rebuild');
  const booted = performance.now();
  const sql = new PostgresSqlClient({ connectionString: url, max: 1 });
  const liveAt = new Map<string, number>();
  let backends: number[] = [];
  try {
    while (liveAt.size < rebuilt.length) {
      const rows = await sql.query<{ projection: string; status: string; checkpoint: string | null }>(
        'SELECT projection, status, checkpoint FROM projection_checkpoints',
      );
      for (const row of rows)
        if (
          rebuilt.includes(row.projection) &&
          row.status === 'live' &&
          row.checkpoint !== null &&
          !checkpointBefore(row.checkpoint, last) && // at or past it: the API may append while it rebuilds (a reactor)
          !liveAt.has(row.projection)
        )
          liveAt.set(row.projection, (performance.now() - booted) / 1000);
      backends = backendsOf(database);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const seconds = (performance.now() - booted) / 1000;
    for (const [name, at] of [...liveAt].sort((a, b) => a[1] - b[1])) log(`  ${name}: live after ${at.toFixed(1)} s`);
    log(
      `all live ${seconds.toFixed(1)} s after boot (${((booted - started) / 1000).toFixed(1)} s boot): ${Math.round(events / seconds)} events/s; ` +
        `CPU s: API ${(cpuMs([api.pid]) / 1000).toFixed(1)}, PostgreSQL backends ${(cpuMs(backends) / 1000).toFixed(1)}; API peak RSS ${api.peakRssMb().toFixed(0)} MB`,
    );
  } finally {
    await sql.close();
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
