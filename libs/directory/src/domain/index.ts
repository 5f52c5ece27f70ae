export * from './directory-codes';
export * from './region.messages';
export * from './region.decider';
export * from './department.messages';
export * from './department.decider';
