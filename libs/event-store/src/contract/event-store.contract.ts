import { appendAndReadContract } from './append-read.contract';
import { ContractCapabilities, ContractContext, OpenedStore } from './contract-fixtures';
import { expectedVersionContract } from './expected-version.contract';
import { idempotencyContract } from './idempotency.contract';
import { newStreamsContract } from './new-streams.contract';
import { interleavingProperty } from './interleaving.property';
import { readAllContract } from './read-all.contract';

export type { ContractCapabilities, OpenedStore } from './contract-fixtures';

/**
 * The contract every `EventStore` adapter passes (PostgreSQL, PGlite, EventStoreDB). Call it at the
 * top level of an adapter's `*.int.spec.ts`:
 *
 *     eventStoreContract('postgres', async () => ({ store, dispose }), { concurrentWriters: true });
 *
 * One store is opened for the whole suite; every test writes to streams of its own and reads
 * `readAll` from the head it saw before writing, ignoring other tests' streams. Nothing here is
 * adapter-specific: tests of one adapter's mechanics (PostgreSQL's late commits) live beside it.
 */
export function eventStoreContract(name: string, open: () => Promise<OpenedStore>, capabilities: ContractCapabilities): void {
  describe(`${name}: event-store contract`, () => {
    let opened: OpenedStore | undefined;
    beforeAll(async () => {
      opened = await open();
    }, 60_000);
    afterAll(async () => {
      await opened?.dispose();
    }, 60_000);

    const ctx: ContractContext = {
      capabilities,
      store() {
        if (!opened) throw new Error(`${name}: the store did not open`);
        return opened.store;
      },
    };
    appendAndReadContract(ctx);
    expectedVersionContract(ctx);
    idempotencyContract(ctx);
    newStreamsContract(ctx);
    readAllContract(ctx);
    interleavingProperty(ctx);
  });
}
