/**
 * The shape of every aggregate here (style.md §1): a pure decider. A handler reads the stream,
 * folds `evolve` from `initialState()`, calls `decide`, and appends the result with the expected
 * version. `decide` returns the new events or throws a `DomainError`; it never reads a clock.
 */
export interface Decider<Command, Event, State> {
  initialState: () => State;
  evolve: (state: State, event: Event) => State;
  decide: (command: Command, state: State) => Event[];
}

/** The state after `events`, oldest first. */
export function foldEvents<Command, Event, State>(decider: Decider<Command, Event, State>, events: readonly Event[]): State {
  return events.reduce(decider.evolve, decider.initialState());
}

/** For the `default:` branch of an exhaustive switch: a new case is a compile error. */
export function assertNever(value: never, what = 'case'): never {
  throw new Error(`unhandled ${what}: ${JSON.stringify(value)}`);
}
