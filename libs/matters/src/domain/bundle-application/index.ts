export * from './bundle-application.messages';
export * from './bundle-application.decider';
export * from './bundle-application-ids';
