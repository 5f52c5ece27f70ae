export * from './applications';
export * from './applications/application-stream';
export * from './applications/application-scope';
export * from './domain';
export * from './matters';
export * from './matters/matter-stream';
export * from './personal-data';
export * from './bundles';
