export * from './supervision-warning';
