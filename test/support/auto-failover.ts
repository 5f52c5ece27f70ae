import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chownSync, closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './child-process';
import { PG_BIN, dedicatedClusterUnavailable, postgresIds } from './dedicated-cluster';
import { describeNeeding } from './describe-needing';

/**
 * A pg_auto_failover formation of a test's own (Debian's `postgresql-15-auto-failover`): a monitor
 * and two PostgreSQL nodes under one temporary folder, each node run by its keeper
 * (`pg_autoctl run`), on free loopback ports with trust auth; synchronous replication, as
 * pg_auto_failover sets it up for a primary with one secondary. The monitor's health checks are
 * tightened (1 s checks, a node unhealthy after 3 s, a dead primary given 3 s to demote) so that a
 * failover takes seconds, not the production defaults' minute.
 */
export const PG_AUTOCTL = process.env.PG_AUTOCTL ?? '/usr/bin/pg_autoctl';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the monitor says of a node: the state it reported and the one it was assigned. */
export interface NodeState {
  name: string;
  port: number;
  reported: string;
  goal: string;
}

export function describeWithAutoFailover(name: string, body: () => void): void {
  const missing =
    dedicatedClusterUnavailable() ??
    (existsSync(PG_AUTOCTL) ? undefined : `${PG_AUTOCTL} is missing (Debian's postgresql-15-auto-failover; .ci/run installs it)`);
  describeNeeding(name, missing, body);
}

export class AutoFailoverFormation {
  private readonly keepers = new Map<string, ChildProcess>();
  private readonly ports = new Map<string, number>();

  private constructor(readonly dir: string) {}

  /**
   * The monitor, then node1 (the first primary), then node2 (its synchronous secondary); with
   * `readReplica`, node3 too: an asynchronous standby that is never promoted (candidate priority
   * 0, outside the write quorum) for READ_DATABASE_URL, re-pointed to whichever node is primary.
   */
  static async create(options: { readReplica?: boolean } = {}): Promise<AutoFailoverFormation> {
    const dir = mkdtempSync('/tmp/pg-autofailover-');
    if (process.getuid?.() === 0) chownSync(dir, ...postgresIds());
    const formation = new AutoFailoverFormation(dir);
    try {
      await formation.createMonitor();
      for (const node of ['node1', 'node2']) await formation.createNode(node);
      if (options.readReplica) await formation.createNode('node3', ['--candidate-priority', '0', '--replication-quorum', 'false']);
      await formation.waitFor(
        (states) =>
          states.some((s) => s.reported === 'primary') &&
          states.filter((s) => s.reported === 'secondary').length === (options.readReplica ? 2 : 1),
        90_000,
      );
      return formation;
    } catch (error) {
      await formation.destroy();
      throw error;
    }
  }

  /** libpq's multi-host URL of the formation, as `pg_autoctl show uri` gives it: writes go to the primary. */
  url(database = 'postgres'): string {
    const hosts = ['node1', 'node2'].map((node) => `127.0.0.1:${this.ports.get(node)}`).join(',');
    return `postgres://postgres@${hosts}/${database}?target_session_attrs=read-write`;
  }

  nodeUrl(node: string, database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.ports.get(node)}/${database}`;
  }

  async states(): Promise<NodeState[]> {
    return this.onMonitor(async (client) => {
      const { rows } = await client.query<NodeState>(
        'SELECT nodename AS name, nodeport AS port, reportedstate::text AS reported, goalstate::text AS goal FROM pgautofailover.node ORDER BY nodeid',
      );
      return rows;
    });
  }

  async primary(): Promise<string> {
    const states = await this.states();
    const primary = states.find((s) => ['primary', 'wait_primary', 'single'].includes(s.reported) && s.reported === s.goal);
    if (!primary) throw new Error(`no primary: ${JSON.stringify(states)}`);
    return primary.name;
  }

  /** Waits until the monitor's view satisfies `condition`. */
  async waitFor(condition: (states: NodeState[]) => boolean, timeoutMs: number): Promise<NodeState[]> {
    const deadline = Date.now() + timeoutMs;
    let states: NodeState[] = [];
    for (;;) {
      states = await this.states().catch(() => states);
      if (condition(states)) return states;
      if (Date.now() > deadline)
        throw new Error(`the formation did not get there within ${timeoutMs} ms: ${JSON.stringify(states)}\n${this.logs()}`);
      await sleep(250);
    }
  }

  /** The machine of `node` lost: SIGKILL of its keeper, its postmaster and every backend (one process group). */
  async kill(node: string): Promise<void> {
    const keeper = this.keepers.get(node);
    this.keepers.delete(node);
    const postmaster = this.postmasterPid(node);
    if (keeper?.pid) process.kill(-keeper.pid, 'SIGKILL');
    if (postmaster) process.kill(postmaster, 'SIGKILL');
    if (keeper && keeper.exitCode === null && keeper.signalCode === null) await new Promise((resolve) => keeper.once('exit', resolve));
  }

  /** The node's keeper started again (the machine back): pg_auto_failover rejoins it as a secondary. */
  restart(node: string): void {
    this.keep(node, ['run', '--pgdata', join(this.dir, node)]);
  }

  logs(): string {
    return ['monitor', 'node1', 'node2', 'node3']
      .map((node) => join(this.dir, `${node}.log`))
      .filter((path) => existsSync(path))
      .map((path) => `--- ${path}\n${readFileSync(path, 'utf8').slice(-1500)}`)
      .join('\n');
  }

  async destroy(): Promise<void> {
    for (const node of [...this.keepers.keys()]) await this.kill(node).catch(() => undefined);
    for (const node of ['monitor', 'node1', 'node2', 'node3']) {
      const pid = this.postmasterPid(node);
      if (pid) process.kill(pid, 'SIGKILL');
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async createMonitor(): Promise<void> {
    const port = await freePort();
    this.ports.set('monitor', port);
    const pgdata = join(this.dir, 'monitor');
    await this.autoctl([
      'create',
      'monitor',
      '--pgctl',
      join(PG_BIN, 'pg_ctl'),
      '--pgdata',
      pgdata,
      '--pgport',
      String(port),
      '--hostname',
      '127.0.0.1',
      '--auth',
      'trust',
      '--no-ssl',
    ]);
    await this.autoctl(['config', 'set', '--pgdata', pgdata, 'postgresql.listen_addresses', '127.0.0.1']);
    this.keep('monitor', ['run', '--pgdata', pgdata]);
    const deadline = Date.now() + 30_000;
    while (!(await this.onMonitor(() => Promise.resolve(true)).catch(() => false))) {
      if (Date.now() > deadline) throw new Error(`the monitor did not start\n${this.logs()}`);
      await sleep(200);
    }
    await this.onMonitor(async (client) => {
      for (const [setting, value] of Object.entries({
        health_check_period: 1000,
        health_check_timeout: 1000,
        health_check_max_retries: 1,
        health_check_retry_delay: 500,
        node_considered_unhealthy_timeout: 3000,
        primary_demote_timeout: 3000,
      }))
        await client.query(`ALTER SYSTEM SET pgautofailover.${setting} = ${value}`);
      await client.query('SELECT pg_reload_conf()');
    });
  }

  private async createNode(node: string, extra: string[] = []): Promise<void> {
    const port = await freePort();
    this.ports.set(node, port);
    const monitor = `postgres://autoctl_node@127.0.0.1:${this.ports.get('monitor')}/pg_auto_failover?sslmode=disable`;
    this.keep(node, [
      'create',
      'postgres',
      '--pgctl',
      join(PG_BIN, 'pg_ctl'),
      '--pgdata',
      join(this.dir, node),
      '--pgport',
      String(port),
      '--listen',
      '127.0.0.1',
      '--hostname',
      '127.0.0.1',
      '--name',
      node,
      '--auth',
      'trust',
      '--no-ssl',
      '--monitor',
      monitor,
      ...extra,
      '--run',
    ]);
    await this.waitFor((states) => states.some((s) => s.name === node && ['single', 'secondary'].includes(s.reported)), 90_000);
  }

  /** Starts a long-running pg_autoctl as the leader of its own process group, logging to `<node>.log`. */
  private keep(node: string, args: string[]): void {
    const log = openSync(join(this.dir, `${node}.log`), 'a');
    const [command, argv] = this.asPostgres(args);
    const keeper = spawn(command, argv, { cwd: this.dir, detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    keeper.on('error', () => undefined);
    this.keepers.set(node, keeper);
  }

  private async autoctl(args: string[]): Promise<void> {
    const [command, argv] = this.asPostgres(args);
    try {
      await run(command, argv, { cwd: this.dir, timeout: 90_000 });
    } catch (error) {
      const { stderr, stdout } = error as { stderr?: string; stdout?: string };
      throw new Error(`pg_autoctl ${args.slice(0, 2).join(' ')} failed: ${stderr || stdout || String(error)}`, { cause: error });
    }
  }

  /** pg_autoctl refuses root: as root, run it as `postgres`, its config and state kept under the formation's folder. */
  private asPostgres(args: string[]): [string, string[]] {
    const env = [
      `HOME=${this.dir}`,
      `XDG_CONFIG_HOME=${join(this.dir, 'config')}`,
      `XDG_DATA_HOME=${join(this.dir, 'share')}`,
      `XDG_RUNTIME_DIR=${join(this.dir, 'run')}`,
      `PATH=${PG_BIN}:/usr/bin:/bin`,
    ];
    const autoctl = ['env', ...env, PG_AUTOCTL, ...args];
    return process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', ...autoctl]] : [autoctl[0], autoctl.slice(1)];
  }

  private postmasterPid(node: string): number | undefined {
    const file = join(this.dir, node, 'postmaster.pid');
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
    try {
      process.kill(pid, 0);
      return pid;
    } catch {
      return undefined;
    }
  }

  private async onMonitor<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({
      connectionString: `postgres://postgres@127.0.0.1:${this.ports.get('monitor')}/pg_auto_failover`,
      connectionTimeoutMillis: 2000,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
