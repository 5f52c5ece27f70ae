import type { Message } from '@app/kernel';
import type { EventStore, StreamGuard } from '../event-store.port';
import { scopedDecider, type Aggregate } from './aggregate';
import type { CommandContext, CommandResult } from './command-context';
import { handleCommand } from './handle-command';
import { handleNewStreams, newStreamCommand, type NewStreamCommand } from './handle-new-streams';
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

  /**
   * One command that creates several entities at once, all or none (`handleNewStreams`): each is
   * authorized and decided in the actor's scope on its aggregate; `guards` are the versions of the
   * streams read to decide. Answers each entity's `{id, version, position}` in the order given,
   * and whether this call wrote them (false: a retry answered from the store).
   */
  async createAll(
    entities: readonly NewEntity[],
    guards: readonly StreamGuard[],
    context: CommandContext,
  ): Promise<{ results: CommandResult[]; position: number; written: boolean }> {
    const commands = entities.map((entity) => entity.command(context.actor));
    const appended = await handleNewStreams(this.store, commands, guards, context);
    const results = appended.streams.map(({ version, position }, i) => ({ id: entities[i].id, version, position }));
    return { results, position: appended.position, written: appended.created.length > 0 };
  }

  private cacheOf({ name, cacheStreams }: { name: string; cacheStreams?: boolean }): StreamCache | undefined {
    if (!cacheStreams) return undefined;
    let cache = this.caches.get(name);
    if (!cache) this.caches.set(name, (cache = new StreamCache(KEPT_STREAMS)));
    return cache;
  }
}

/** One entity of `createAll`: its id, and its command as an actor may issue it (authorized, in the actor's scope). */
export interface NewEntity {
  id: string;
  command(actor: CommandContext['actor']): NewStreamCommand;
}

/** A `NewEntity` of `aggregate` created by `command`. */
export function newEntity<Command extends Message, Event extends Message, State>(
  aggregate: Aggregate<Command, Event, State>,
  id: string,
  command: Command,
): NewEntity {
  return {
    id,
    command(actor) {
      aggregate.authorize?.(actor);
      return newStreamCommand(scopedDecider(aggregate, actor, id), aggregate.streamId(id), command);
    },
  };
}
