import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { Client } from 'pg';

/** Where the figures were measured: they mean little without it. */
export interface Machine {
  date: string;
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  os: string;
  node: string;
  postgres: string;
  commit: string;
  /** 1-minute load average when the run started and ended (others' work on the machine skews figures) */
  loadAverage: { start: number; end?: number };
}

export async function describeMachine(serverUrl: string): Promise<Machine> {
  return {
    date: new Date().toISOString(),
    cpus: Number(tryRun('nproc', []) ?? cpus().length),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${osName()} (kernel ${release()})`,
    node: process.version,
    postgres: await postgresVersion(serverUrl),
    commit: tryRun('git', ['rev-parse', '--short', 'HEAD']) ?? 'unknown',
    loadAverage: { start: round2(loadavg()[0]) },
  };
}

export function finishMachine(machine: Machine): Machine {
  return { ...machine, loadAverage: { ...machine.loadAverage, end: round2(loadavg()[0]) } };
}

function osName(): string {
  try {
    const line = readFileSync('/etc/os-release', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('PRETTY_NAME='));
    return line ? line.slice('PRETTY_NAME='.length).replace(/"/g, '') : process.platform;
  } catch {
    return process.platform;
  }
}

async function postgresVersion(serverUrl: string): Promise<string> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string; sc: string }>(
      `SELECT current_setting('server_version') AS v, current_setting('synchronous_commit') AS sc`,
    );
    return `${rows[0].v} (synchronous_commit=${rows[0].sc})`;
  } finally {
    await client.end();
  }
}

function tryRun(command: string, args: string[]): string | undefined {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
