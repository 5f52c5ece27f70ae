/**
 * The shared kernel every context may import: the decider shape, the domain's refusal, checks on
 * business time, the working-day calendar in the city's zone, and the department scope rule.
 * Pure: no framework, no database, no clock but `businessToday` for the query side.
 */
export * from './decider';
export * from './domain-error';
export * from './business-time';
export * from './calendar';
export * from './business-calendar';
export * from './department-scope';
export * from './read-audit';
export * from './uuid-v5';
