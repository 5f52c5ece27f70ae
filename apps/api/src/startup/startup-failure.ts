/**
 * Why a process cannot start, in terms a person fixes outside the code (a bad variable, a store
 * that is not there): reported as these lines alone, with no stack, and the process exits 1.
 */
export class StartupFailure extends Error {
  constructor(readonly lines: readonly string[]) {
    super(lines.join('\n'));
    this.name = new.target.name;
  }
}

/** What an entry point prints on stderr when it cannot start: a StartupFailure's lines, else the stack (a bug). */
export function describeStartupFailure(error: unknown): string {
  if (error instanceof StartupFailure) return error.message;
  if (error instanceof Error) return error.stack ?? error.message;
  return String(error);
}
