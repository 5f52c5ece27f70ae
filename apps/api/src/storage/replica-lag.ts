import { Gauge, register } from 'prom-client';
import type { SqlExecutor } from '@app/event-store';

/** How far the read replica is behind the primary: WAL bytes not yet replayed, and seconds since the last transaction it replayed while it has more to replay (0 when caught up). */
export interface ReplicaLag {
  seconds: number;
  bytes: number;
}

/** Asks the replica what it has replayed and the primary how far its WAL is past that. A replica that is a primary (promoted) lags by nothing. */
export async function replicaLag(primary: SqlExecutor, replica: SqlExecutor): Promise<ReplicaLag> {
  const [replayed] = await replica.query<{ standby: boolean; lsn: string | null; seconds: number | null }>(
    `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn,
            CASE WHEN pg_last_wal_receive_lsn() IS NULL OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                 ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 END AS seconds`,
  );
  if (!replayed.standby || replayed.lsn === null) return { seconds: 0, bytes: 0 };
  const [behind] = await primary.query<{ bytes: number }>(
    'SELECT greatest(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn), 0)::float8 AS bytes',
    [replayed.lsn],
  );
  return { seconds: Math.max(0, replayed.seconds ?? 0), bytes: behind.bytes };
}

/** `read_replica_lag_seconds` and `read_replica_lag_bytes`, read on every scrape. */
export function registerReplicaLagGauges(primary: SqlExecutor, replica: SqlExecutor): void {
  let scrape: Promise<ReplicaLag> | null = null;
  // one pair of queries per scrape serves both gauges
  const lag = () => (scrape ??= replicaLag(primary, replica).finally(() => setImmediate(() => (scrape = null))));
  for (const [name, help, pick] of [
    [
      'read_replica_lag_seconds',
      'seconds the read replica is behind the primary (0 when it has replayed all it received)',
      (l: ReplicaLag) => l.seconds,
    ],
    ['read_replica_lag_bytes', 'WAL bytes the primary has written that the read replica has not replayed', (l: ReplicaLag) => l.bytes],
  ] as const) {
    register.removeSingleMetric(name);
    new Gauge({
      name,
      help,
      registers: [register],
      async collect() {
        this.set(pick(await lag()));
      },
    });
  }
}
