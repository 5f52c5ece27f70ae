/**
 * Every read model's TypeORM entity (row type) and migration, registered in one place. Each
 * bounded context adds its own here as it grows; migrations run at start-up, in order.
 */
export const readModelEntities: Function[] = [];
export const readModelMigrations: Function[] = [];
