import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { eventStoreContract } from '../contract/event-store.contract';
import { EventStoreUnavailableError, type NewEvent } from '../event-store.port';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The shared contract against a real EventStoreDB, when `EVENTSTORE_CONNECTION_STRING` names one
 * (e.g. `esdb://localhost:2113?tls=false` with `docker compose up eventstore`). There is no
 * stand-in: without a server the suite is skipped, and says so.
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract(
    'EventStoreDB',
    async () => {
      // ESDB cannot be truncated: each run writes under a namespace of its own and `readAll` shows
      // only that, so earlier runs and other users of the server stay out of the way.
      const store = EsdbEventStore.connect(connectionString, { namespace: `contract-${randomUUID()}` });
      await store.ping();
      return { store, dispose: () => store.close() };
    },
    { concurrentWriters: true, uniqueIdsAcrossStreams: false, atomicNewStreams: false },
  );
} else {
  console.warn('SKIPPED EventStoreDB contract suite: EVENTSTORE_CONNECTION_STRING is not set');
  describe.skip('EventStoreDB: event-store contract', () => {
    it('runs when EVENTSTORE_CONNECTION_STRING is set', () => undefined);
  });
}

/** No server needed: what the adapter does when there is none (what `/health` and the 503 rely on). */
describe('EventStoreDB adapter without a reachable server', () => {
  const event: NewEvent = {
    id: randomUUID(),
    type: 'probe.happened',
    data: {},
    metadata: { actor: 'system', correlationId: randomUUID(), at: '2019-09-27T07:00:00+08:00' },
  };

  it('reports every operation as EventStoreUnavailableError when the connection is refused', async () => {
    const store = EsdbEventStore.connect(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
    try {
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.append('probe-1', [event], { expectedVersion: 'no_stream' })).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readStream('probe-1')).rejects.toBeInstanceOf(EventStoreUnavailableError);
      await expect(store.readAll({ limit: 10 })).rejects.toBeInstanceOf(EventStoreUnavailableError);
    } finally {
      await store.close();
    }
  });

  it('times ping out against a port that accepts connections and never answers', async () => {
    const silent = await silentServer();
    const store = EsdbEventStore.connect(`esdb://127.0.0.1:${silent.port}?tls=false`, { pingTimeoutMs: 300 });
    try {
      const started = Date.now();
      await expect(store.ping()).rejects.toBeInstanceOf(EventStoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await store.close();
      await silent.close();
    }
  });

  it('rejects an empty append without asking the server', async () => {
    const store = EsdbEventStore.connect(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
    try {
      await expect(store.append('probe-2', [], { expectedVersion: 'any' })).rejects.toThrow(RangeError);
    } finally {
      await store.close();
    }
  });

  it('wakes waitForAppend on close, and after its timeout otherwise', async () => {
    const store = EsdbEventStore.connect(`esdb://127.0.0.1:${await closedPort()}?tls=false`);
    const started = Date.now();
    await store.waitForAppend(30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    const waiting = store.waitForAppend(10_000).then(() => Date.now());
    const closing = Date.now();
    await store.close();
    expect((await waiting) - closing).toBeLessThan(1_000);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
