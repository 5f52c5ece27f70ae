export * from './sweep-plan';
