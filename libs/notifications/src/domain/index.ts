export * from './subscription.commands';
export * from './subscription.events';
export * from './subscription.decider';
export * from './type-pattern';
export * from './retry-schedule';
export * from './without-personal-data';
export * from './allowed-hosts';
