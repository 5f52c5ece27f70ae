export * from './matter.commands';
export * from './matter.events';
export * from './matter.state';
export * from './matter.evolve';
export * from './matter.decide';
export * from './matter.decider';
export * from './matter-history';
export * from './matter-elements.rules';
