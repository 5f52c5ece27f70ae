import { readdirSync, readFileSync } from 'node:fs';

/** user + system CPU time of these processes so far, ms (Linux /proc; clock ticks of 10 ms) */
export function cpuMs(pids: number[]): number {
  let ms = 0;
  for (const used of cpuByPid(pids).values()) ms += used;
  return ms;
}

/** Each live process's user + system CPU time so far, ms; an exited one is left out. */
export function cpuByPid(pids: number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      used.set(pid, (Number(fields[11]) + Number(fields[12])) * 10);
    } catch {
      // exited
    }
  }
  return used;
}

/**
 * CPU ms the backends of `database` used since `before` (their `cpuByPid` then), counted per
 * backend: one opened since counts whole, one closed since is lost rather than subtracting its
 * whole past (a sum over the backends of each moment would, and read near 0 after a pool closed
 * an idle connection).
 */
export function backendCpuSince(database: string, before: ReadonlyMap<number, number>): number {
  let ms = 0;
  for (const [pid, used] of cpuByPid(backendsOf(database))) ms += used - (before.get(pid) ?? 0);
  return ms;
}

/** The server processes of the connections to `database` (on this machine). */
export function backendsOf(database: string): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `);
      } catch {
        return false;
      }
    })
    .map(Number);
}
