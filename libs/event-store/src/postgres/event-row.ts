import { EventMetadata, RecordedEvent } from '../event-store.port';
import { encodeCheckpoint } from './checkpoint';

/** A row of `es_events` as the read queries select it (64-bit integers as text). */
export interface EventRow {
  position: string;
  txid: string;
  id: string;
  stream_id: string;
  version: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  /** ISO 8601, UTC, milliseconds (formatted by the query) */
  recorded_at: string;
}

/** A row of READ_WINDOW_SQL: a wanted event; the last one also says where the window ends (and may be there only for that). */
export interface WindowRow extends EventRow {
  wanted: boolean;
  window_end: string | null;
  scanned: number | null;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.stream_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    version: Number(row.version),
    position: Number(row.position),
    checkpoint: encodeCheckpoint(row.txid, row.position),
    recordedAt: row.recorded_at,
  };
}
