import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { Pool } from 'pg';
import { AppendContender, BenchEvent } from './append-workload';

/** Emmett's PostgreSQL event store (its own schema and `emt_append_to_stream`), on a pool of the same size. */
export async function emmettStoreContender(url: string, poolSize: number): Promise<AppendContender> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pool } });
  await store.schema.migrate();
  return {
    name: 'Emmett PostgreSQL',
    async append(event: BenchEvent) {
      await store.appendToStream(
        event.streamId,
        [{ type: event.type, data: event.data, metadata: { ...event.metadata, messageId: event.id } }],
        { expectedStreamVersion: BigInt(event.expectedVersion) },
      );
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}
