import type { RecordedEvent } from '../event-store.port';
import type { SqlExecutor } from '../sql/sql-client';

/**
 * A read model fed from the event store. Its tables are versioned by name (`rm_matters_v2`), so a
 * new version can be built beside the old one while the old one keeps serving queries.
 *
 * The runner calls `apply` and saves the checkpoint in the same transaction, so a batch is applied
 * exactly once; `apply` should still be written as upserts so a manual replay cannot corrupt it.
 */
export interface Projection {
  /** stable name, e.g. `matters`; with `version` it names the checkpoint row and the lock */
  readonly name: string;
  readonly version: number;
  /** event types it reads, or `'all'` (e.g. the audit trail); the checkpoint still advances past the others */
  readonly handles: readonly string[] | 'all';
  /** false for a projection of the events' metadata only: while it catches up its events come with `data: null` */
  readonly readsData?: boolean;
  /** creates its tables if they are missing */
  setup(tx: SqlExecutor): Promise<void>;
  /** empties its tables for a rebuild from position 0 */
  reset(tx: SqlExecutor): Promise<void>;
  /** applies one batch of handled events, oldest first */
  apply(events: RecordedEvent[], tx: SqlExecutor): Promise<void>;
}

/** The advisory-lock key: one active runner per projection version across processes. */
export function projectionLockKey(projection: Pick<Projection, 'name' | 'version'>): string {
  return `projection:${projection.name}:v${projection.version}`;
}

export function projectionLabel(projection: Pick<Projection, 'name' | 'version'>): string {
  return `${projection.name} v${projection.version}`;
}

/** Where the runner reports what it does; `console` by default, a pino logger in the app. */
export interface ProjectionLogger {
  log(message: string): void;
  error(message: string, error: unknown): void;
}

export const consoleProjectionLogger: ProjectionLogger = {
  log: (message) => console.log(message),
  error: (message, error) => console.error(message, error),
};
