/** What every command and event is: a stable dotted type name and its data (style.md §1, §6). */
export interface Message<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

/**
 * The shape of every aggregate here (style.md §1): a pure decider. The one command path
 * (`handleCommand`) reads the stream, folds `evolve` from `initialState()`, calls `decide`, and
 * appends the result with the expected version. `decide` returns the new events or throws a
 * `DomainError`; it never reads a clock: time, actor and lookups arrive in the command.
 */
export interface Decider<Command extends Message, Event extends Message, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

/** The state after `events`, oldest first. */
export function foldEvents<Command extends Message, Event extends Message, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** For the `default:` branch of an exhaustive switch: a new case is a compile error. */
export function assertNever(value: never, what = 'case'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
