import type { Message } from '@app/kernel';
import type { RecordedEvent } from '../event-store.port';
import type { SqlExecutor } from '../sql/sql-client';

/**
 * A read model fed from the event store. Its tables are versioned by name (`rm_matters_v2`), so a
 * new version can be built beside the old one while the old one keeps serving queries.
 *
 * The runner calls `apply` and saves the checkpoint in the same transaction, so a batch is applied
 * exactly once; `apply` should still be written as upserts so a manual replay cannot corrupt it.
 * Tables come from migrations (apps/api's `databaseMigrations`), the one way a table is declared.
 *
 * `E` is the union of events it reads (`MatterEvent`): `handles` lists their types and `apply`
 * receives them typed, each `type` narrowing its `data`, with no cast.
 */
export interface Projection<E extends Message = Message> {
  /** stable name, e.g. `matters`; with `version` it names the checkpoint row and the lock */
  readonly name: string;
  readonly version: number;
  /** event types it reads, or `'all'` (e.g. the audit trail); the checkpoint still advances past the others */
  readonly handles: readonly E['type'][] | 'all';
  /** false for a projection of the events' metadata only: while it catches up its events come with `data: null` */
  readonly readsData?: boolean;
  /** prepares what its migrations cannot (none of ours needs it); run before it serves */
  setup?(tx: SqlExecutor): Promise<void>;
  /** empties its tables for a rebuild from position 0 */
  reset(tx: SqlExecutor): Promise<void>;
  /** applies one batch of handled events, oldest first */
  apply(events: ProjectedEvent<E>[], tx: SqlExecutor): Promise<void>;
}

/** A recorded event of the union `E`, its `type` and `data` paired member by member. */
export type ProjectedEvent<E extends Message> = E extends Message ? RecordedEvent<E['type'], E['data']> : never;

/**
 * The events of a batch that a projection reads, typed as its union: the runner hands `apply`
 * these only. (The one place a stored event becomes typed: its type is one the projection names.)
 */
export function eventsFor<E extends Message>(projection: Projection<E>, batch: readonly RecordedEvent[]): ProjectedEvent<E>[] {
  const { handles } = projection;
  const types: ReadonlySet<string> | 'all' = handles === 'all' ? 'all' : new Set(handles);
  return (types === 'all' ? [...batch] : batch.filter((event) => types.has(event.type))) as ProjectedEvent<E>[];
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
