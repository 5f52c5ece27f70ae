import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** What the receiver does with the next request: answer 2xx, answer 500, or never answer (the sender times out). */
export type ReceiverMode = 'ok' | 'fail' | 'hang';

export interface ReceivedDelivery {
  webhookId: string;
  /** the CloudEvent, parsed from a body whose signature verified */
  event: {
    id: string;
    type: string;
    subject: string;
    time: string;
    source: string;
    specversion: string;
    position: string;
    data: Record<string, unknown>;
  };
  body: string;
  contentType: string;
}

/**
 * A real HTTP receiver on 127.0.0.1 for the webhook tests: verifies every request's signature
 * with the `standardwebhooks` package (a bad one is answered 401 and counted), records what it
 * accepted, and can fail, hang, or go down (`stop`) and come back on the same port (`start`).
 */
export class WebhookReceiver {
  readonly accepted: ReceivedDelivery[] = [];
  readonly rejectedSignatures: string[] = [];
  requests = 0;
  mode: ReceiverMode = 'ok';
  /** `fail` the next this many requests, then back to `mode` */
  failNext = 0;
  /** how long an `ok` answer takes (a slow receiver) */
  delayMs = 0;
  private server: Server | null = null;
  private port = 0;
  private readonly hanging = new Set<ServerResponse>();
  private secret = '';

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  /** the subscription's secret, once it is known (requests before it are rejected) */
  useSecret(secret: string): void {
    this.secret = secret;
  }

  async start(): Promise<void> {
    const server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Down: the port refuses connections until `start()` again. */
  async stop(): Promise<void> {
    for (const response of this.hanging) response.destroy();
    this.hanging.clear();
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    this.requests += 1;
    const mode: ReceiverMode = this.failNext > 0 ? (this.failNext--, 'fail') : this.mode;
    if (mode === 'hang') return void this.hanging.add(response);
    if (mode === 'fail') return void response.writeHead(500).end('down for maintenance');
    const headers = {
      'webhook-id': header(request, 'webhook-id'),
      'webhook-timestamp': header(request, 'webhook-timestamp'),
      'webhook-signature': header(request, 'webhook-signature'),
    };
    try {
      new Webhook(this.secret).verify(body, headers);
    } catch {
      this.rejectedSignatures.push(headers['webhook-id']);
      return void response.writeHead(401).end();
    }
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.accepted.push({ webhookId: headers['webhook-id'], event: JSON.parse(body), body, contentType: header(request, 'content-type') });
    response.writeHead(204).end();
  }

  /** the accepted deliveries with duplicates (same webhook-id) dropped, as a de-duplicating receiver keeps them */
  distinct(): ReceivedDelivery[] {
    const seen = new Set<string>();
    return this.accepted.filter((delivery) => !seen.has(delivery.webhookId) && seen.add(delivery.webhookId));
  }
}

const header = (request: IncomingMessage, name: string): string => String(request.headers[name] ?? '');
