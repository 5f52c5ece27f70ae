import type { Decider, Message } from '@app/kernel';
import { EventMetadata, EventStore, WrongExpectedVersionError } from '../event-store.port';
import { CommandContext, CommandResult } from './command-context';
import { eventIds } from './event-ids';
import { StreamCache, StreamEvent } from './stream-cache';

export interface HandleCommandOptions {
  /** the stream histories this process handled last: a hit saves reading the stream (see StreamCache) */
  cache?: StreamCache;
}

type Handled<Event> = CommandResult & { events: Event[] };

/**
 * The one way a command is handled: read the stream, fold, decide, append with the expected
 * version. Persist, then publish: the append is the commit point, read models follow from the
 * store's subscription. A retry under the same Idempotency-Key returns the first result and
 * appends nothing; If-Match (`context.expectedVersion`) must equal the stream's version.
 *
 * With a `cache`, a kept history stands in for the read when the append it leads to succeeds
 * (the expected version proves it current); every other outcome is decided again on a fresh read.
 */
export async function handleCommand<Command extends Message, Event extends Message, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  command: Command,
  context: CommandContext,
  options: HandleCommandOptions = {},
): Promise<Handled<Event>> {
  const attempt = (history: readonly StreamEvent[], fresh: boolean) =>
    decideAndAppend(store, decider, streamId, history, command, context, options.cache, fresh);
  const kept = context.expectedVersion === undefined ? options.cache?.get(streamId) : undefined;
  const fromKept = kept && (await attempt(kept, false));
  return fromKept || (await attempt(await store.readStream(streamId), true))!;
}

/**
 * Fold, decide and append on `history`. On a `fresh` read every outcome is the answer; on a kept
 * history only a recognised retry and a successful append are (undefined otherwise: read afresh).
 */
async function decideAndAppend<Command extends Message, Event extends Message, State>(
  store: EventStore,
  decider: Decider<Command, Event, State>,
  streamId: string,
  history: readonly StreamEvent[],
  command: Command,
  context: CommandContext,
  cache: StreamCache | undefined,
  fresh: boolean,
): Promise<Handled<Event> | undefined> {
  let plan: Plan<Event>;
  try {
    plan = planCommand(decider, streamId, history, command, context);
  } catch (refusal) {
    if (fresh) throw refusal;
    return undefined; // refused on possibly stale state
  }
  if (plan.kind === 'answered') {
    if (fresh) cache?.set(streamId, history);
    return fresh || plan.replayed ? plan.result : undefined;
  }
  try {
    const result = await appendPlanned(store, streamId, history, plan, context);
    if (cache) remember(cache, streamId, history, plan, result);
    return result;
  } catch (error) {
    cache?.forget(streamId);
    if (!fresh && error instanceof WrongExpectedVersionError) return undefined; // the kept history was stale
    throw error;
  }
}

type Plan<Event> = { kind: 'answered'; replayed: boolean; result: Handled<Event> } | { kind: 'append'; events: Event[]; ids: string[] };

/** Fold and decide on `history`: a replayed or empty answer, or the events to append (with their ids). */
function planCommand<Command extends Message, Event extends Message, State>(
  decider: Decider<Command, Event, State>,
  streamId: string,
  history: readonly StreamEvent[],
  command: Command,
  context: CommandContext,
): Plan<Event> {
  const version = history.length;
  const seed = context.idempotencyKey ? { streamId, userId: context.actor.userId, idempotencyKey: context.idempotencyKey } : undefined;
  const replayed = seed && earlierResult(history, seed, streamId);
  if (replayed) return { kind: 'answered', replayed: true, result: { ...replayed, events: [] } };
  if (context.expectedVersion !== undefined && context.expectedVersion !== version) {
    throw new WrongExpectedVersionError(streamId, context.expectedVersion, version === 0 ? 'no_stream' : version);
  }
  const state = history.reduce(
    (current, event) => decider.evolve(current, { type: event.type, data: event.data } as Event),
    decider.initialState(),
  );
  const events = decider.decide(command, state);
  if (events.length === 0)
    return { kind: 'answered', replayed: false, result: { id: streamId, version, position: history.at(-1)?.position ?? 0, events } };
  return { kind: 'append', events, ids: eventIds(events.length, seed) };
}

async function appendPlanned<Event extends Message>(
  store: EventStore,
  streamId: string,
  history: readonly StreamEvent[],
  { events, ids }: { events: Event[]; ids: string[] },
  context: CommandContext,
): Promise<Handled<Event>> {
  const version = history.length;
  const metadata = commandMetadata(context);
  const result = await store.append(
    streamId,
    events.map((event, index) => ({ id: ids[index], type: event.type, data: event.data, metadata })),
    { expectedVersion: version === 0 ? 'no_stream' : version },
  );
  return { id: streamId, version: result.version, position: result.position, events };
}

/** What every event a command appends carries (the audit trail is built from it). */
export function commandMetadata(context: CommandContext): EventMetadata {
  return {
    actor: context.actor.userId,
    roles: [...context.actor.roles],
    command: context.command,
    correlationId: context.correlationId,
    at: context.at,
  };
}

/**
 * Keeps the history as it is after a single-event append of ours (its version and position are
 * exactly known); after anything else (several events, a retry the store recognised) forgets it.
 */
function remember<Event extends Message>(
  cache: StreamCache,
  streamId: string,
  history: readonly StreamEvent[],
  { events, ids }: { events: Event[]; ids: string[] },
  result: CommandResult,
): void {
  if (events.length !== 1 || result.version !== history.length + 1) return cache.forget(streamId);
  const [event] = events;
  cache.set(streamId, [...history, { id: ids[0], type: event.type, data: event.data, version: result.version, position: result.position }]);
}

/** The result of the earlier append whose events carry exactly the ids this key derives, if there was one. */
function earlierResult(
  history: readonly StreamEvent[],
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
