import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './child-process';
import { describeNeeding } from './describe-needing';

/**
 * A throwaway PostgreSQL 15 cluster of a test's own (initdb + pg_ctl on a free loopback port,
 * trust auth), so a fault test can stop, restart and reconfigure "the database" without touching
 * the machine's main cluster. Run as the `postgres` OS user when the test runs as root.
 */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

const run = promisify(execFile);

/** Why a dedicated cluster cannot be made here, or undefined when it can. */
export function dedicatedClusterUnavailable(): string | undefined {
  for (const tool of ['initdb', 'pg_ctl']) if (!existsSync(join(PG_BIN, tool))) return `${join(PG_BIN, tool)} is missing`;
  if (process.getuid?.() === 0 && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'runuser is missing';
  return undefined;
}

/** `describe` for suites that need their own cluster: without the binaries it fails under CI=true and is skipped (saying why) otherwise. */
export function describeWithDedicatedCluster(name: string, body: () => void): void {
  const missing = dedicatedClusterUnavailable();
  describeNeeding(name, missing && `cannot create a PostgreSQL cluster: ${missing} (set PG_BIN to PostgreSQL's bin directory)`, body);
}

export class DedicatedCluster {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** `postgres://postgres@127.0.0.1:PORT/<database>` */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** initdb in a fresh temporary directory owned by `postgres`, then start. */
  static async create(): Promise<DedicatedCluster> {
    const dir = mkdtempSync('/tmp/pg-fault-');
    mkdirSync(join(dir, 'sock'));
    if (process.getuid?.() === 0) for (const path of [dir, join(dir, 'sock')]) chownSync(path, ...postgresIds());
    const cluster = new DedicatedCluster(dir, await freePort());
    await cluster.pg('initdb', ['-D', cluster.dataDir, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
    await cluster.start();
    return cluster;
  }

  /**
   * A streaming replica of `primary` (pg_basebackup -R, its own folder and port), replaying each
   * commit `applyDelayMs` after the primary made it (recovery_min_apply_delay), so a test can see
   * what reads do while the replica lags.
   */
  static async replicaOf(primary: DedicatedCluster, options: { applyDelayMs?: number } = {}): Promise<DedicatedCluster> {
    const dir = mkdtempSync('/tmp/pg-replica-');
    mkdirSync(join(dir, 'sock'));
    if (process.getuid?.() === 0) for (const path of [dir, join(dir, 'sock')]) chownSync(path, ...postgresIds());
    const replica = new DedicatedCluster(dir, await freePort());
    const from = ['-h', '127.0.0.1', '-p', String(primary.port), '-U', 'postgres'];
    try {
      await replica.pg('pg_basebackup', [...from, '-X', 'stream', '--checkpoint=fast', '--no-sync', '-R', '-D', replica.dataDir]);
      appendFileSync(join(replica.dataDir, 'postgresql.auto.conf'), `recovery_min_apply_delay = '${options.applyDelayMs ?? 0}ms'\n`);
      await replica.start();
      return replica;
    } catch (error) {
      await replica.destroy();
      throw error;
    }
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${join(this.dir, 'sock')} -c listen_addresses=127.0.0.1 -c max_connections=200`;
    await this.pg('pg_ctl', ['-D', this.dataDir, '-l', join(this.dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown: open transactions are rolled back, sessions are terminated. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', mode, '-w', '-t', '60', 'stop']);
  }

  async createDatabase(name: string): Promise<string> {
    await this.withClient((client) => client.query(`CREATE DATABASE "${name}"`));
    return this.url(name);
  }

  /** Runs `work` on a fresh connection to `database` (default `postgres`). */
  async withClient<T>(work: (client: Client) => Promise<T>, database = 'postgres'): Promise<T> {
    const client = new Client({ connectionString: this.url(database), application_name: 'fault-test' });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  log(): string {
    return existsSync(join(this.dir, 'server.log')) ? readFileSync(join(this.dir, 'server.log'), 'utf8') : '';
  }

  /** Stops the server (whatever state it is in) and removes its directory. */
  async destroy(): Promise<void> {
    await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const [command, argv] =
      process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, tool), ...args]] : [join(PG_BIN, tool), args];
    try {
      await run(command, argv, { cwd: this.dir, timeout: 90_000 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`${tool} ${args.at(-1)} failed: ${stderr || stdout || String(error)}\n${this.log().slice(-2000)}`, { cause: error });
    }
  }
}

/** uid and gid of the `postgres` OS user, who owns the test clusters when the tests run as root */
export function postgresIds(): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  if (!line) throw new Error('no postgres OS user to own the cluster');
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}
