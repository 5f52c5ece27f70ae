import type { Decider, Message } from '@app/kernel';
import type { EventStore, NewStreamsAppended, StreamGuard } from '../event-store.port';
import type { CommandContext } from './command-context';
import { eventIds } from './event-ids';
import { commandMetadata } from './handle-command';

/** One new stream of a command that creates several: its stream, and its decider's decision on the initial state. */
export interface NewStreamCommand {
  streamId: string;
  command: Message;
  decide(): Message[];
}

/** A `NewStreamCommand` of `decider` (typed at the call site). */
export function newStreamCommand<Command extends Message, Event extends Message, State>(
  decider: Decider<Command, Event, State>,
  streamId: string,
  command: Command,
): NewStreamCommand {
  return { streamId, command, decide: () => decider.decide(command, decider.initialState()) };
}

/**
 * `handleCommand` for one command that creates several streams at once (a 一件事 submission: its
 * member applications and the bundle application): each stream's decider decides its command on
 * the initial state (the streams are new), the events get the ids the Idempotency-Key derives
 * (per stream, as `handleCommand` does) and the command's metadata, and all of it goes to the
 * store in ONE `appendNewStreams`, guarded by the versions of the streams the caller read to
 * decide (`guards`). A refusal of any decider appends nothing; a retry under the same key derives
 * the same ids and is answered from the store (`created` empty).
 */
export async function handleNewStreams(
  store: EventStore,
  commands: readonly NewStreamCommand[],
  guards: readonly StreamGuard[],
  context: CommandContext,
): Promise<NewStreamsAppended & { events: Message[][] }> {
  const { userId } = context.actor;
  const key = context.idempotencyKey;
  const metadata = commandMetadata(context);
  const decided = commands.map(({ streamId, command, decide }) => {
    const events = decide();
    if (events.length === 0) throw new Error(`${command.type} on new stream ${streamId} decided nothing`);
    const ids = eventIds(events.length, key ? { streamId, userId, idempotencyKey: key } : undefined);
    return { streamId, events, newEvents: events.map((event, i) => ({ id: ids[i], type: event.type, data: event.data, metadata })) };
  });
  const appended = await store.appendNewStreams(
    decided.map(({ streamId, newEvents }) => ({ streamId, events: newEvents })),
    { guards },
  );
  return { ...appended, events: decided.map((d) => d.events) };
}
