import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { registerBody } from '../matters-e2e.fixtures';
import { submitBody } from './applications';
import { within } from './fault-app';
import type { TestApp } from './test-app';

/** What the API acknowledged (2xx): the stream and the version and position it answered. */
export interface Ack {
  streamId: string;
  version: number;
  position: number;
}

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

/** An event as the store holds it, the columns the audit of acknowledgements compares. */
export interface StoredEventRow {
  stream_id: string;
  version: string;
  position: string;
}

/**
 * Acknowledged commands against the store, after a fault: `missing` are those not stored exactly
 * once at the version and position they answered; `streamsOff` the streams with acknowledged
 * commands that hold another number of events (more is a duplicate).
 */
export function auditAcks<A extends Pick<Ack, 'streamId' | 'version' | 'position'>>(
  acks: readonly A[],
  rows: readonly StoredEventRow[],
): { missing: A[]; streamsOff: { streamId: string; stored: number; acknowledged: number }[] } {
  const stored = new Map<string, number>();
  const storedPerStream = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.stream_id}@${row.version}#${row.position}`;
    stored.set(key, (stored.get(key) ?? 0) + 1);
    storedPerStream.set(row.stream_id, (storedPerStream.get(row.stream_id) ?? 0) + 1);
  }
  const acknowledged = new Map<string, number>();
  for (const ack of acks) acknowledged.set(ack.streamId, (acknowledged.get(ack.streamId) ?? 0) + 1);
  return {
    missing: acks.filter((ack) => stored.get(`${ack.streamId}@${ack.version}#${ack.position}`) !== 1),
    streamsOff: [...storedPerStream]
      .filter(([streamId, count]) => acknowledged.has(streamId) && acknowledged.get(streamId) !== count)
      .map(([streamId, count]) => ({ streamId, stored: count, acknowledged: acknowledged.get(streamId)! })),
  };
}
