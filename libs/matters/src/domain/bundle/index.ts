export * from './bundle.messages';
export * from './bundle-members.rules';
export * from './bundle.decider';
