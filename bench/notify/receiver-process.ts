import { fork, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { resolve } from 'node:path';

/**
 * Niceness of the receiver's process: the lowest priority there is. It stands for the other
 * system's machine, so on this one it should take as little as possible of what the API, the
 * worker and PostgreSQL would use (at 10 it still took about 1.6 CPU-s of the 16 of a run, 10%).
 */
export const RECEIVER_NICENESS = 19;

/** The receiver of `receiver-child.ts`, driven from the bench process over IPC. */
export class ReceiverProcess {
  private next = 0;
  private readonly pending = new Map<number, (reply: Record<string, unknown>) => void>();

  private constructor(
    private readonly child: ChildProcess,
    /** `/hooks/<name>` under it is the URL of the subscription that `trust(name, …)` names */
    readonly baseUrl: string,
  ) {
    child.on('message', (reply: { id?: number }) => {
      if (reply.id === undefined) return;
      this.pending.get(reply.id)?.(reply);
      this.pending.delete(reply.id);
    });
  }

  static async start(): Promise<ReceiverProcess> {
    const child = fork(resolve(__dirname, 'receiver-child.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    setPriority(child.pid!, RECEIVER_NICENESS);
    const baseUrl = await new Promise<string>((ready, fail) => {
      child.once('message', (message: { kind?: string; baseUrl?: string }) =>
        message.kind === 'ready' ? ready(message.baseUrl!) : fail(new Error('receiver: unexpected first message')),
      );
      child.once('exit', (code) => fail(new Error(`the receiver exited with code ${code}`)));
    });
    return new ReceiverProcess(child, baseUrl);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Deliveries to `/hooks/<name>` are verified with `secret`. */
  async trust(name: string, secret: string): Promise<void> {
    await this.ask({ kind: 'trust', name, secret });
  }

  /** Each delivery's first arrival, in arrival order: [event id, ms since the epoch]; and the signatures that failed. */
  async arrivals(): Promise<{ arrivals: [string, number][]; badSignatures: number }> {
    return (await this.ask({ kind: 'arrivals' })) as unknown as { arrivals: [string, number][]; badSignatures: number };
  }

  async stop(): Promise<void> {
    if (!this.child.connected) return;
    await this.ask({ kind: 'stop' });
  }

  private ask(request: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.next++;
    return new Promise((answer) => {
      this.pending.set(id, answer);
      this.child.send({ id, ...request });
    });
  }
}
