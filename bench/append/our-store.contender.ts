import { ensureEventStoreSchema } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store';
import { PostgresSqlClient } from '@app/event-store';
import { AppendContender, BenchEvent } from './append-workload';

/** Our PostgresEventStore, exactly as the API builds it (a `pg` pool behind PostgresSqlClient). */
export async function ourStoreContender(url: string, poolSize: number): Promise<AppendContender> {
  const sql = new PostgresSqlClient({ connectionString: url, max: poolSize });
  await ensureEventStoreSchema(sql);
  const store = new PostgresEventStore(sql);
  return {
    name: 'our PostgresEventStore',
    async append(event: BenchEvent) {
      await store.append(event.streamId, [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }], {
        expectedVersion: event.expectedVersion === 0 ? 'no_stream' : event.expectedVersion,
      });
    },
    async close() {
      await store.close();
      await sql.close();
    },
  };
}
