/**
 * The HTTP conventions every context's controllers share (api.md "Security" and "Conventions"):
 * who the caller is, which roles a route needs, how a command's context and body look.
 * `apps/api` wires the guard, filter and interceptors that enforce them.
 */
export * from './api-prefix';
export * from './roles';
export * from './public.decorator';
export * from './reads-own-writes.decorator';
export * from './require-roles.decorator';
export * from './current-actor.decorator';
export * from './command-context.decorator';
export * from './command-body';
export * from './business-time.validator';
export * from './page-query';
export * from './problem';
export * from './problem.dto';
export * from './invalid-input.exception';
export * from './api-docs';
export * from './id.param';
export * from './calendar-date.validator';
export * from './query-boolean';
