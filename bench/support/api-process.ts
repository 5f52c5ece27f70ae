import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { buildApi, THIS_TREE, type ApiBuild } from './api-build';
import { definedOnly } from './child-run';
import { log } from './log';

export const BENCH_JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256-signing';

/** A compiled entry point of this repository running as a child process of the bench. */
export interface BenchChild {
  pid: number;
  /** peak resident set size so far (the kernel's high-water mark, VmHWM), MB */
  peakRssMb(): number;
  /** SIGTERM, then SIGKILL after 10 s */
  stop(): Promise<void>;
}

/** The real API as a child process on a database of the bench's, on a free loopback port. */
export interface ApiProcess extends BenchChild {
  baseUrl: string;
}

/**
 * `env` over the bench's settings, e.g. RUN_PROJECTIONS=false for an API beside a projection
 * worker; `build` the tree it runs (this one, or the `--base` tree).
 */
export function startApi(
  databaseUrl: string,
  label: string,
  env: Record<string, string> = {},
  build: ApiBuild = THIS_TREE,
): Promise<ApiProcess> {
  return startCompiledApi(build, label, { DATABASE_URL: databaseUrl, ...env }, 60_000);
}

/**
 * The API on the embedded default, as `npm start` runs it on a fresh machine: no DATABASE_URL,
 * PGlite under `dataDir` (the bench's JWT secret, so its tokens are accepted).
 */
export function startEmbeddedApi(dataDir: string, label: string, timeoutMs = 60_000): Promise<ApiProcess> {
  return startCompiledApi(THIS_TREE, label, { DATA_DIR: dataDir, DATABASE_URL: undefined }, timeoutMs);
}

/** The compiled API of `build` on a free loopback port, once its /health answers (within `timeoutMs`). */
async function startCompiledApi(
  build: ApiBuild,
  label: string,
  env: Record<string, string | undefined>,
  timeoutMs: number,
): Promise<ApiProcess> {
  const port = await freePort();
  const child = await spawnCompiled(build, build.main, [], `api-${label}`, { PORT: String(port), ...env });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, timeoutMs);
  return { baseUrl, ...benchChild(child) };
}

/**
 * `projections run` in its own process (the API beside it runs with RUN_PROJECTIONS=false);
 * resolves once each of the `projections` has logged that it runs (holds its lock) there.
 */
export async function startProjectionWorker(databaseUrl: string, label: string, projections: number): Promise<BenchChild> {
  let running = 0;
  const child = await spawnCompiled(
    THIS_TREE,
    THIS_TREE.projectionsCli,
    ['run'],
    `worker-${label}`,
    { DATABASE_URL: databaseUrl, LOG_LEVEL: 'info' },
    (line) => {
      if (line.includes(': running (')) running += 1;
    },
  );
  const deadline = Date.now() + 60_000;
  while (running < projections) {
    if (child.exitCode !== null) throw new Error(`the projection worker exited with code ${child.exitCode} (see bench/tmp/worker-*.log)`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the projection worker ran ${running} of ${projections} projections after 60 s`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return benchChild(child);
}

/**
 * The Emmett peer of section 2 (bench/http/emmett-peer/peer-api.ts) on a database of its own,
 * on a free loopback port: through ts-node's transpile-only loader (compiled once at start-up,
 * the same JavaScript after), NODE_ENV=production as the API runs.
 */
export async function startEmmettPeer(databaseUrl: string): Promise<ApiProcess> {
  const port = await freePort();
  const logDir = resolve(__dirname, '../tmp');
  mkdirSync(logDir, { recursive: true });
  const logFile = createWriteStream(join(logDir, 'emmett-peer.log'));
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', resolve(__dirname, '../http/emmett-peer/peer-api.ts')],
    {
      cwd: resolve(__dirname, '../..'),
      env: { ...process.env, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl, AUTH_JWT_SECRET: BENCH_JWT_SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr!.pipe(logFile);
  const listening = new Promise<void>((ready, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => line === 'listening' && ready());
    child.once('exit', (code) => fail(new Error(`the Emmett peer exited with code ${code} (see bench/tmp/emmett-peer.log)`)));
  });
  await listening;
  return { baseUrl: `http://127.0.0.1:${port}`, ...benchChild(child) };
}

function benchChild(child: ChildProcess): BenchChild {
  return { pid: child.pid!, peakRssMb: () => highWaterMarkMb(child.pid!), stop: () => stop(child) };
}

async function spawnCompiled(
  build: ApiBuild,
  entry: string,
  args: string[],
  logName: string,
  /** over the bench's settings; `undefined` leaves a variable out (DATABASE_URL on the embedded default) */
  env: Record<string, string | undefined>,
  onLine?: (line: string) => void,
): Promise<ChildProcess> {
  await buildApi(build);
  if (!existsSync(entry)) throw new Error(`the API did not compile to ${entry}`);
  const logDir = resolve(__dirname, '../tmp');
  mkdirSync(logDir, { recursive: true });
  const logFile = createWriteStream(join(logDir, `${logName}.log`));
  const nodeFlags = process.env.BENCH_API_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeFlags, '-r', 'tsconfig-paths/register', entry, ...args], {
    cwd: build.root,
    env: definedOnly({
      ...process.env,
      NODE_ENV: 'production',
      TS_NODE_BASEURL: build.dir,
      AUTH_JWT_SECRET: BENCH_JWT_SECRET,
      // the limit is per token; the bench is one client hammering on purpose
      RATE_LIMIT_PER_MINUTE: '100000000',
      LOG_LEVEL: process.env.BENCH_API_LOG_LEVEL ?? 'warn',
      // no daily sweep in the bench: at SWEEP_AT a worker would sweep today's date amid the measurements
      SWEEP_AT: 'off',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(logFile);
  child.stderr!.pipe(logFile);
  if (onLine) createInterface({ input: child.stdout! }).on('line', onLine);
  return child;
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the API exited with code ${child.exitCode} before it was healthy (see bench/tmp/api-*.log)`);
    try {
      const response = await fetch(`${baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the API was not healthy within ${timeoutMs / 1000} s`);
}

function highWaterMarkMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  log(`process ${child.pid} stopped`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}
