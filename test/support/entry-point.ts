import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnTs } from './child-process';

/** What a run of an entry point said and how it ended. */
export interface Run {
  code: number | null;
  stdout: string[];
  stderr: string[];
}

/**
 * Runs a TypeScript entry point to its end in a process of its own with exactly this configuration
 * (the variables of README's table not given are removed, whatever the test runner's environment
 * holds) and a temporary DATA_DIR.
 */
export async function runEntryPoint(entry: string, args: string[], env: Record<string, string>, timeoutMs = 240_000): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gov-entry-point-'));
  const child = spawnTs(entry, args, { ...unsetConfiguration(), DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env });
  const timer = setTimeout(() => child.process.kill('SIGKILL'), timeoutMs);
  try {
    const { code } = await child.exited;
    return { code, stdout: linesOf(child.output.stdout), stderr: linesOf(child.output.stderr) };
  } finally {
    clearTimeout(timer);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export const CONFIGURATION = [
  'PORT',
  'DATABASE_URL',
  'DATA_DIR',
  'EVENT_STORE',
  'EVENTSTORE_CONNECTION_STRING',
  'AUTH_JWT_SECRET',
  'RATE_LIMIT_PER_MINUTE',
  'REDIS_URL',
  'BUSINESS_TZ',
  'BODY_LIMIT',
  'LOG_LEVEL',
  'RUN_PROJECTIONS',
  'SWEEP_AT',
  'SUPERVISION_YELLOW_WORKDAYS',
];

/** every variable of README's configuration table, removed from a child's environment */
export const unsetConfiguration = (): Record<string, undefined> => Object.fromEntries(CONFIGURATION.map((name) => [name, undefined]));

export const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');

/** stdout as JSON log lines; throws on a line that is not one (coloured Nest text, a stack) */
export function jsonLines(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new Error(`not a JSON log line: ${line}`);
    }
  });
}
