import { randomUUID } from 'node:crypto';
import type { Decider } from '@app/kernel';
import { WrongExpectedVersionError } from '../event-store.port';
import { openStoreFixture, StoreFixture } from '../projections/testing/projection-fixture';
import { testBackends } from '../testing/databases';
import type { CommandContext } from './command-context';
import { handleNewStreams, newStreamCommand } from './handle-new-streams';

/** A ticket: `issue` creates it, refused for a negative seat. */
type Issue = { type: 'issue'; data: { seat: number } };
type Issued = { type: 'ticket.issued'; data: { seat: number } };
const ticket: Decider<Issue, Issued, { issued: boolean }> = {
  initialState: () => ({ issued: false }),
  evolve: () => ({ issued: true }),
  decide: (command) => {
    if (command.data.seat < 0) throw new Error('no such seat');
    return [{ type: 'ticket.issued', data: command.data }];
  },
};
const issue = (streamId: string, seat: number) => newStreamCommand(ticket, streamId, { type: 'issue', data: { seat } });
const context = (extra: Partial<CommandContext> = {}): CommandContext => ({
  actor: { userId: 'u1', roles: ['admin'] },
  at: '2019-09-27T09:00:00+08:00',
  correlationId: 'c1',
  command: 'tickets.issue',
  ...extra,
});

describe.each(testBackends())('%s: handleNewStreams', (backend) => {
  let fx: StoreFixture;
  beforeEach(async () => {
    fx = await openStoreFixture(backend);
  }, 30_000);
  afterEach(() => fx.dispose());

  it('appends every stream with the command’s metadata; a retry under the same key writes nothing', async () => {
    const commands = [issue('ticket-a', 1), issue('ticket-b', 2)];
    const first = await handleNewStreams(fx.store, commands, [], context({ idempotencyKey: 'k1' }));
    expect(first.created.sort()).toEqual(['ticket-a', 'ticket-b']);
    const [event] = await fx.store.readStream('ticket-b');
    expect(event.metadata).toMatchObject({ actor: 'u1', roles: ['admin'], command: 'tickets.issue', correlationId: 'c1' });
    const again = await handleNewStreams(fx.store, commands, [], context({ idempotencyKey: 'k1' }));
    expect(again).toMatchObject({ streams: first.streams, position: first.position, created: [] });
  });

  it('a refusal of one decider, or a guard that moved, appends nothing', async () => {
    await expect(handleNewStreams(fx.store, [issue('ticket-c', 1), issue('ticket-d', -1)], [], context())).rejects.toThrow('no such seat');
    await fx.store.append(
      'ticket-guard',
      [{ id: randomUUID(), type: 'x', data: {}, metadata: { actor: 'u', correlationId: 'c', at: 'x' } }],
      {
        expectedVersion: 'no_stream',
      },
    );
    const guards = [{ streamId: 'ticket-guard', version: 0 }];
    await expect(handleNewStreams(fx.store, [issue('ticket-c', 1)], guards, context())).rejects.toBeInstanceOf(WrongExpectedVersionError);
    expect(await fx.store.readStream('ticket-c')).toEqual([]);
    expect(await fx.store.readStream('ticket-d')).toEqual([]);
  });
});
