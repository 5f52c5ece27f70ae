import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * A webhook receiver on 127.0.0.1 standing for the other systems: each subscription posts to a
 * path of its own (`/hooks/<n>`), as a receiver that knows its secret is addressed, and every
 * signature is verified with the `standardwebhooks` package against that one secret. Notes when
 * each delivery first arrived.
 */
export class BenchReceiver {
  /** webhook-id → [event id, arrival (ms since the epoch)], the first arrival of each */
  readonly arrivals = new Map<string, [string, number]>();
  badSignatures = 0;
  /** the path's secret, by path */
  private readonly secrets = new Map<string, Webhook>();
  private server: Server | null = null;

  /** `/hooks/<name>` under it is the URL of the subscription that `trust(name, …)` names */
  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  /** Deliveries to `/hooks/<name>` are verified with `secret`. */
  trust(name: string, secret: string): void {
    this.secrets.set(`/hooks/${name}`, new Webhook(secret));
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
        const secret = this.secrets.get(request.url ?? '');
        if (!secret || !verifies(secret, body, headers)) {
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
