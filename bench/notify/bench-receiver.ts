import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** A webhook receiver in the bench process on 127.0.0.1: verifies each signature and notes when each delivery arrived. */
export class BenchReceiver {
  /** webhook-id → [event id, arrival (ms since the epoch)], the first arrival of each */
  readonly arrivals = new Map<string, [string, number]>();
  badSignatures = 0;
  private readonly secrets: Webhook[] = [];
  private server: Server | null = null;

  get url(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks`;
  }

  trust(secret: string): void {
    this.secrets.push(new Webhook(secret));
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(
          ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((h) => [h, String(request.headers[h])]),
        );
        if (!this.secrets.some((secret) => verifies(secret, body, headers))) {
          this.badSignatures += 1;
          return void response.writeHead(401).end();
        }
        const id = headers['webhook-id'];
        if (!this.arrivals.has(id)) this.arrivals.set(id, [(JSON.parse(body) as { id: string }).id, Date.now()]);
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

function verifies(secret: Webhook, body: string, headers: Record<string, string>): boolean {
  try {
    secret.verify(body, headers);
    return true;
  } catch {
    return false;
  }
}
