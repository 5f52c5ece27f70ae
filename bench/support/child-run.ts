import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface ChildRun {
  code: number | null;
  stdout: string;
  seconds: number;
  /** peak resident set size of the child (VmHWM, last sampled while it ran), MB */
  peakRssMb: number | null;
  timedOut: boolean;
}

/** Runs a Node script as a child process, bounded in time (SIGKILL at the deadline), sampling its peak RSS; `undefined` in `env` leaves a variable out. */
export function runNodeChild(
  args: string[],
  env: Record<string, string | undefined>,
  timeoutS: number,
  onLine?: (line: string) => void,
): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: definedOnly({ ...process.env, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let peakKb: number | null = null;
  let timedOut = false;
  const sample = () => {
    try {
      const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
      if (Number.isFinite(kb)) peakKb = Math.max(peakKb ?? 0, kb);
    } catch {
      // exited between samples
    }
  };
  const sampler = setInterval(sample, 250);
  const killer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutS * 1000);
  const lines = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    stdout += text;
    if (onLine) for (const line of text.split(/[\r\n]+/)) if (line.trim()) onLine(line.trim());
  };
  child.stdout.on('data', lines);
  child.stderr.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearInterval(sampler);
      clearTimeout(killer);
      resolve({
        code,
        stdout,
        seconds: (performance.now() - started) / 1000,
        peakRssMb: peakKb === null ? null : peakKb / 1024,
        timedOut,
      });
    });
  });
}

/** An environment without the variables set to `undefined` (spawn would pass them as the text "undefined"). */
export function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
