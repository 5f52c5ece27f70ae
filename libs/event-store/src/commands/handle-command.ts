import { EventStore, RecordedEvent, WrongExpectedVersionError } from '../event-store.port';
import { CommandContext, CommandResult } from './command-context';
import { eventIds } from './event-ids';

/** A pure decider (style.md §1); events are `{type, data}` with stable dotted type names. */
export interface StreamDecider<Command, Event extends { type: string; data: unknown }, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

/**
 * The one way a command is handled: read the stream, fold, decide, append with the expected
 * version. Persist, then publish: the append is the commit point, read models follow from the
 * store's subscription. A retry under the same Idempotency-Key returns the first result and
 * appends nothing; If-Match (`context.expectedVersion`) must equal the stream's version.
 */
export async function handleCommand<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  decider: StreamDecider<Command, Event, State>,
  streamId: string,
  command: Command,
  context: CommandContext,
): Promise<CommandResult & { events: Event[] }> {
  const history = await store.readStream(streamId);
  const version = history.length;
  const seed = context.idempotencyKey ? { streamId, userId: context.actor.userId, idempotencyKey: context.idempotencyKey } : undefined;
  const replayed = seed && earlierResult(history, seed, streamId);
  if (replayed) return { ...replayed, events: [] };
  if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
    throw new WrongExpectedVersionError(streamId, context.expectedVersion, version === 0 ? 'no_stream' : version);
  }
  const state = history.reduce(
    (current, event) => decider.evolve(current, { type: event.type, data: event.data } as Event),
    decider.initialState(),
  );
  const events = decider.decide(command, state);
  if (events.length === 0) return { id: streamId, version, position: history.at(-1)?.position ?? 0, events };
  const ids = eventIds(events.length, seed);
  const metadata = {
    actor: context.actor.userId,
    roles: [...context.actor.roles],
    command: context.command,
    correlationId: context.correlationId,
    at: context.at,
  };
  const result = await store.append(
    streamId,
    events.map((event, index) => ({ id: ids[index], type: event.type, data: event.data, metadata })),
    { expectedVersion: version === 0 ? 'no_stream' : version },
  );
  return { id: streamId, version: result.version, position: result.position, events };
}

/** The result of the earlier append whose events carry exactly the ids this key derives, if there was one. */
function earlierResult(
  history: readonly RecordedEvent[],
  seed: { streamId: string; userId: string; idempotencyKey: string },
  streamId: string,
): CommandResult | undefined {
  const [firstId] = eventIds(1, seed);
  const start = history.findIndex((event) => event.id === firstId);
  if (start < 0) return undefined;
  const ids = eventIds(history.length - start, seed);
  let last = history[start];
  for (let index = 1; index < ids.length && history[start + index].id === ids[index]; index++) last = history[start + index];
  return { id: streamId, version: last.version, position: last.position };
}
