export * from './sweep-plan';
export * from './sweep-record';
