import type { QueryRunner } from 'typeorm';
import type { RecordedEvent } from '@app/event-store';
import type { SqlClient } from '@app/event-store';
import { directoryMigrations } from '@app/directory';
import { assessmentMigrations } from '../index';

/** Runs this context's TypeORM migrations, and the directory's whose names the reports show, on a test database (their `up` only needs `query`). */
export async function migrate(sql: SqlClient): Promise<void> {
  for (const Migration of [...assessmentMigrations, ...directoryMigrations] as (new () => { up(runner: QueryRunner): Promise<void> })[])
    await new Migration().up({ query: (text: string) => sql.query(text) } as unknown as QueryRunner);
}

let position = 0;

/** A recorded event as the store would hand it to a projection. */
export function recorded(streamId: string, version: number, type: string, data: object): RecordedEvent {
  position += 1;
  return {
    id: `${streamId}-${version}`,
    streamId,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'test', correlationId: 'test', at: (data as { at?: string }).at ?? '2019-01-01T09:00:00+08:00' },
    version,
    position,
    checkpoint: String(position) as RecordedEvent['checkpoint'],
    recordedAt: new Date(0).toISOString(),
  };
}
