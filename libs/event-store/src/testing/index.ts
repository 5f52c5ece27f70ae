export * from '../projections/testing/projection-fixture';
export * from './databases';
