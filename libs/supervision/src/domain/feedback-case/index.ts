export * from './feedback-case.commands';
export * from './feedback-case.events';
export * from './feedback-case.state';
export * from './feedback-case.evolve';
export * from './feedback-case.decide';
export * from './feedback-case.decider';
export * from './feedback-case.overdue';
export * from './open-feedback-case-for';
