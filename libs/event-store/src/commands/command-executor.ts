import type { Message } from '@app/kernel';
import type { EventStore } from '../event-store.port';
import { scopedDecider, type Aggregate } from './aggregate';
import type { CommandContext, CommandResult } from './command-context';
import { handleCommand } from './handle-command';
import { StreamCache } from './stream-cache';

/** About 1–2 kB a stream: accept, then complete, then deliver … of one application read its stream once. */
const KEPT_STREAMS = 5000;

/**
 * The one way a command reaches the store, for every aggregate and every caller (HTTP routes, the
 * scenario loader, automated checks): authorize, then `handleCommand` (read, fold, decide in the
 * caller's scope, append with the expected version). Answers `{id, version, position}` with the
 * entity's id (what every command route returns).
 */
export class CommandExecutor {
  private readonly caches = new Map<string, StreamCache>();

  constructor(private readonly store: EventStore) {}

  async execute<Command extends Message, Event extends Message, State>(
    aggregate: Aggregate<Command, Event, State>,
    id: string,
    command: Command,
    context: CommandContext,
  ): Promise<CommandResult> {
    return (await this.handle(aggregate, id, command, context)).result;
  }

  /** `execute`, and the events it appended (none: the command was a retry, or changed nothing). */
  async handle<Command extends Message, Event extends Message, State>(
    aggregate: Aggregate<Command, Event, State>,
    id: string,
    command: Command,
    context: CommandContext,
  ): Promise<{ result: CommandResult; events: Event[] }> {
    aggregate.authorize?.(context.actor);
    const decider = scopedDecider(aggregate, context.actor, id);
    const { events, version, position } = await handleCommand(this.store, decider, aggregate.streamId(id), command, context, {
      cache: this.cacheOf(aggregate),
    });
    return { result: { id, version, position }, events };
  }

  private cacheOf({ name, cacheStreams }: { name: string; cacheStreams?: boolean }): StreamCache | undefined {
    if (!cacheStreams) return undefined;
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new StreamCache(KEPT_STREAMS)));
    return cache;
  }
}
