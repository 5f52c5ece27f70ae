import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { WebhookSender } from './send-delivery';

const SECRET = `whsec_${Buffer.from('a signing secret of the sender spec').toString('base64')}`;

/** A real receiver on 127.0.0.1 answering each request as `answer` says; it records what arrived. */
async function receiver(answer: (request: IncomingMessage) => { status: number } | 'hang') {
  const arrived: { headers: IncomingMessage['headers']; body: string }[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      arrived.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = answer(request);
      if (reply !== 'hang') response.writeHead(reply.status, { location: '/elsewhere' }).end('a body the sender ignores');
    });
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  const close = () => new Promise<void>((closed) => (server.closeAllConnections(), server.close(() => closed())));
  return { url, arrived, close };
}

function signatureHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  return Object.fromEntries(['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => [name, String(headers[name])]));
}

describe('WebhookSender: one signed attempt over HTTP', () => {
  const sender = new WebhookSender();
  afterAll(() => sender.close());

  it('POSTs the body signed per Standard Webhooks; a 2xx is delivered', async () => {
    const target = await receiver(() => ({ status: 204 }));
    try {
      const delivery = { deliveryId: 'msg_0f7c', url: target.url, secret: SECRET, body: '{"specversion":"1.0","id":"e1"}' };
      expect(await sender.send(delivery, 5000)).toEqual({ delivered: true, status: 204 });
      expect(await sender.send({ ...delivery, deliveryId: 'msg_0f7d' }, 5000)).toEqual({ delivered: true, status: 204 });

      const [first, second] = target.arrived;
      expect(first.headers).toMatchObject({ 'content-type': 'application/cloudevents+json; charset=utf-8', 'webhook-id': 'msg_0f7c' });
      expect(new Webhook(SECRET).verify(first.body, signatureHeaders(first.headers))).toEqual({ specversion: '1.0', id: 'e1' });
      expect(second.headers['webhook-id']).toBe('msg_0f7d');
      expect(() => new Webhook(SECRET).verify(first.body, { ...signatureHeaders(first.headers), 'webhook-id': 'msg_0f7d' })).toThrow();
    } finally {
      await target.close();
    }
  });

  it('says why an attempt failed: the status of a non-2xx, no answer within the timeout, a refused connection', async () => {
    const failing = await receiver(() => ({ status: 503 }));
    const silent = await receiver(() => 'hang');
    const closed = await receiver(() => ({ status: 204 }));
    await closed.close();
    try {
      const delivery = { deliveryId: 'msg_1', secret: SECRET, body: '{}' };
      expect(await sender.send({ ...delivery, url: failing.url }, 5000)).toEqual({ delivered: false, status: 503, error: 'HTTP 503' });
      expect(await sender.send({ ...delivery, url: silent.url }, 200)).toEqual({
        delivered: false,
        status: null,
        error: 'no answer within 200 ms',
      });
      expect(await sender.send({ ...delivery, url: closed.url }, 5000)).toEqual({ delivered: false, status: null, error: 'ECONNREFUSED' });
    } finally {
      await Promise.all([failing.close(), silent.close()]);
    }
  });

  it('follows no redirect: a 3xx is a failed attempt with its status', async () => {
    const moved = await receiver(() => ({ status: 308 }));
    try {
      expect(await sender.send({ deliveryId: 'msg_2', url: moved.url, secret: SECRET, body: '{}' }, 5000)).toEqual({
        delivered: false,
        status: 308,
        error: 'HTTP 308',
      });
      expect(moved.arrived).toHaveLength(1);
    } finally {
      await moved.close();
    }
  });
});
