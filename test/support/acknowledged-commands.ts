/**
 * The audit of acknowledged commands against the store after a fault (database restart, failover,
 * the chaos soak). Imports nothing of jest's or of the test app's: the bench's soak runs it too.
 */

/** What the API acknowledged (2xx): the stream and the version and position it answered. */
export interface Ack {
  streamId: string;
  version: number;
  position: number;
}

/** An event as the store holds it, the columns the audit of acknowledgements compares. */
export interface StoredEventRow {
  stream_id: string;
  version: string;
  position: string;
}

/**
 * Acknowledged commands against the store, after a fault: `missing` are those not stored exactly
 * once at the version and position they answered; `streamsOff` the streams with acknowledged
 * commands that hold another number of events (more is a duplicate).
 */
export function auditAcks<A extends Pick<Ack, 'streamId' | 'version' | 'position'>>(
  acks: readonly A[],
  rows: readonly StoredEventRow[],
): { missing: A[]; streamsOff: { streamId: string; stored: number; acknowledged: number }[] } {
  const stored = new Map<string, number>();
  const storedPerStream = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.stream_id}@${row.version}#${row.position}`;
    stored.set(key, (stored.get(key) ?? 0) + 1);
    storedPerStream.set(row.stream_id, (storedPerStream.get(row.stream_id) ?? 0) + 1);
  }
  const acknowledged = new Map<string, number>();
  for (const ack of acks) acknowledged.set(ack.streamId, (acknowledged.get(ack.streamId) ?? 0) + 1);
  return {
    missing: acks.filter((ack) => stored.get(`${ack.streamId}@${ack.version}#${ack.position}`) !== 1),
    streamsOff: [...storedPerStream]
      .filter(([streamId, count]) => acknowledged.has(streamId) && acknowledged.get(streamId) !== count)
      .map(([streamId, count]) => ({ streamId, stored: count, acknowledged: acknowledged.get(streamId)! })),
  };
}
