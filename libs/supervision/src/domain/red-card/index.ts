export * from './red-card.commands';
export * from './red-card.events';
export * from './red-card.state';
export * from './red-card.evolve';
export * from './red-card.decide';
export * from './red-card.decider';
