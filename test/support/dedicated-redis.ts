import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { eventually, freePort } from './child-process';
import { describeNeeding } from './describe-needing';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/**
 * A Redis server of a test's own (Debian's redis-server on a free loopback port, nothing saved to
 * disk), so a test can kill it and start it again without touching the machine's Redis.
 */
export class DedicatedRedis {
  private server: ChildProcess | null = null;

  private constructor(
    private readonly dir: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<DedicatedRedis> {
    const redis = new DedicatedRedis(mkdtempSync('/tmp/redis-test-'), await freePort());
    await redis.restart();
    return redis;
  }

  /** Starts the server again on the same port (empty: it saves nothing). */
  async restart(): Promise<void> {
    if (this.server) throw new Error('redis-server is running already');
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir];
    this.server = spawn(REDIS_SERVER, args, { stdio: 'ignore' });
    await eventually(() => answers(this.port), 10_000, `redis-server answering on 127.0.0.1:${this.port}`);
  }

  /** SIGSTOP: the server still holds its connections but answers nothing (a hung process, a silent network), until `resume`. */
  pause(): void {
    this.server?.kill('SIGSTOP');
  }

  resume(): void {
    this.server?.kill('SIGCONT');
  }

  /** SIGKILL: the server is gone at once, as when its machine dies. */
  async kill(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGCONT'); // a paused one too
    server.kill('SIGKILL');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** `describe` for suites that need a Redis of their own: without redis-server it fails under CI=true and is skipped otherwise. */
export function describeWithDedicatedRedis(name: string, body: () => void): void {
  describeNeeding(
    name,
    existsSync(REDIS_SERVER)
      ? undefined
      : `${REDIS_SERVER} is missing (Debian's redis-server package; .ci/run installs it; or set REDIS_SERVER)`,
    body,
  );
}

/** Does a Redis answer PING on this loopback port? */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}
