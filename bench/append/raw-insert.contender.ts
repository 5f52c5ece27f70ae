import { Pool } from 'pg';
import { AppendContender, BenchEvent } from './append-workload';

/**
 * The raw limit: one plain `INSERT … RETURNING` of the same payload into a bare table (a
 * bigserial key, no other index, no stream table), each its own autocommit transaction.
 */
export async function rawInsertContender(url: string, poolSize: number): Promise<AppendContender> {
  const pool = new Pool({ connectionString: url, max: poolSize });
  await pool.query(`
    CREATE TABLE IF NOT EXISTS raw_events (
      position bigserial PRIMARY KEY,
      event_id uuid NOT NULL,
      stream_id text NOT NULL,
      version bigint NOT NULL,
      type text NOT NULL,
      data jsonb,
      metadata jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now()
    )`);
  return {
    name: 'raw INSERT',
    async append(event: BenchEvent) {
      await pool.query(
        `INSERT INTO raw_events (event_id, stream_id, version, type, data, metadata) VALUES ($1, $2, $3, $4, $5, $6) RETURNING position`,
        [event.id, event.streamId, event.expectedVersion + 1, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata)],
      );
    },
    close: () => pool.end(),
  };
}
