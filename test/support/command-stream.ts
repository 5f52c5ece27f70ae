import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { registerBody } from '../matters-e2e.fixtures';
import { submitBody } from './applications';
import { within } from './fault-app';
import type { TestApp } from './test-app';
import type { Ack } from './acknowledged-commands';

const REQUEST_TIMEOUT_MS = 8_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Clients that keep issuing commands (register a matter, publish it, submit an application for
 * it), each under its own Idempotency-Key and retried with that key while the API answers 503 —
 * what a well-behaved client does while the database restarts. Every answer is tallied; anything
 * but a 2xx or a 503 problem+json (a 500, a hang, a refused connection) is recorded as unexpected.
 */
export class CommandStream {
  readonly acks: Ack[] = [];
  readonly statuses = new Map<string, number>();
  readonly unexpected: string[] = [];
  private writing = false;
  private clients: Promise<void>[] = [];

  constructor(
    private readonly t: TestApp,
    private readonly retryForMs = 30_000,
  ) {}

  get unavailableAnswers(): number {
    return this.statuses.get('503') ?? 0;
  }

  start(clients: number): void {
    this.writing = true;
    this.clients = Array.from({ length: clients }, (_, index) => this.client(index));
  }

  /** Lets every client finish the command it is on (retrying until acknowledged), then resolves. */
  async stop(): Promise<void> {
    this.writing = false;
    await Promise.all(this.clients);
  }

  private async client(index: number): Promise<void> {
    const admin = this.t.token({ roles: ['catalog_admin'], sub: `stream-admin-${index}` });
    const clerk = this.t.token({ roles: ['window_staff'], departmentId: 'dept-market', sub: `stream-clerk-${index}` });
    while (this.writing) {
      const matter = await this.command('/api/v1/matters', registerBody(), admin, 'matter');
      if (!matter) return;
      const published = await this.command(`/api/v1/matters/${matter}/publish`, { effectiveFrom: '2019-03-01' }, admin, 'matter');
      if (!published) return;
      await this.command('/api/v1/applications', submitBody(matter), clerk, 'application');
    }
  }

  /** POSTs until acknowledged; answers the id, or undefined after an unexpected answer. */
  private async command(path: string, body: object, token: string, stream: 'matter' | 'application'): Promise<string | undefined> {
    const key = `stream-${randomUUID()}`;
    const deadline = Date.now() + this.retryForMs;
    for (;;) {
      const answer = await within(
        request(this.t.http)
          .post(path)
          .set({ Authorization: `Bearer ${token}`, 'Idempotency-Key': key })
          .send(body),
        REQUEST_TIMEOUT_MS,
      );
      this.statuses.set(String(answer.status), (this.statuses.get(String(answer.status)) ?? 0) + 1);
      if (typeof answer.status === 'number' && answer.status >= 200 && answer.status < 300) {
        const { id, version, position } = answer.body as { id: string; version: number; position: number };
        this.acks.push({ streamId: `${stream}-${id}`, version, position });
        return id;
      }
      if (answer.status !== 503 || !/^application\/problem\+json/.test(answer.type ?? '') || Date.now() > deadline) {
        this.unexpected.push(`POST ${path} → ${answer.status} ${answer.type ?? ''} ${JSON.stringify(answer.body)}`);
        return undefined;
      }
      await sleep(50);
    }
  }
}
