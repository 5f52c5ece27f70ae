import { IdempotencyKeys1764150000000 } from '../commands/idempotency-keys.migration';

/**
 * Every TypeORM entity (read-model row type) and migration of the service, in one list each.
 * Each bounded context contributes its own; migrations run at start-up in timestamp order.
 * (The event store creates its own tables: it also runs without TypeORM, e.g. in the CLIs.)
 */
export const databaseEntities: Function[] = [];
export const databaseMigrations: Function[] = [IdempotencyKeys1764150000000];
