import { inScope, isDomainError, notFound, outOfScope, type Decider, type Message } from '@app/kernel';
import type { CommandContext } from './command-context';

/**
 * What the one command path needs to know of an aggregate: its decider, where its streams are,
 * and which department a state belongs to (for the scope rule). Every context defines one per
 * aggregate (`matters`, `applications`, `qualityIssues`) and hands commands to `CommandExecutor`.
 */
export interface Aggregate<Command extends Message, Event extends Message, State> {
  /** the entity as a refusal names it: `no application 8fed…` */
  readonly name: string;
  readonly decider: Decider<Command, Event, State>;
  readonly streamId: (id: string) => string;
  /** the department the state belongs to; undefined while the entity does not exist */
  readonly departmentOf: (state: State) => string | undefined;
  /** refuses (throws) an actor who may issue no command on this aggregate at all */
  readonly authorize?: (actor: CommandContext['actor']) => void;
  /** keep the streams this process handled last (StreamCache): a lifecycle of many short commands */
  readonly cacheStreams?: boolean;
}

/**
 * The aggregate's decider as one actor sees it (the kernel's department scope rule): another
 * department's entity is answered like an unknown id (404, one wording for both), and a command
 * that would put the entity into another department is refused (403).
 */
export function scopedDecider<Command extends Message, Event extends Message, State>(
  aggregate: Aggregate<Command, Event, State>,
  actor: CommandContext['actor'],
  id: string,
): Decider<Command, Event, State> {
  const { decider, departmentOf } = aggregate;
  return {
    ...decider,
    decide(command, state) {
      if (!inScope(actor, departmentOf(state))) throw notFound(aggregate.name, id);
      let events: Event[];
      try {
        events = decider.decide(command, state);
      } catch (refusal) {
        // the entity itself is unknown: one wording; a refusal naming a field is about another entity it refers to (a bundle's member matter)
        if (isDomainError(refusal) && refusal.kind === 'not_found' && refusal.details.length === 0 && departmentOf(state) === undefined)
          throw notFound(aggregate.name, id);
        throw refusal;
      }
      const department = departmentOf(events.reduce(decider.evolve, state));
      if (!inScope(actor, department)) throw outOfScope(actor, department!);
      return events;
    },
  };
}
