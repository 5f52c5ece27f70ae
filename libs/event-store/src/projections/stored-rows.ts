import type { RecordedEvent } from '../event-store.port';

/** How a projection tells the stream (row) of an event, and whether the event is that stream's first ever. */
export interface StreamsOfBatch<Event extends RecordedEvent = RecordedEvent> {
  streamOf(event: Event): string;
  isNew(event: Event): boolean;
}

/**
 * The stored read-model rows a batch must load before folding its events, one per stream (e.g. an
 * application). A stream whose first event in the batch is its first event ever (new) can have no
 * row yet — unless the batch is a replay, which the runner never does but a manual replay might:
 * the runner applies the log in order, so the applied events are a prefix of it, and if the first
 * new stream of the batch has no row, no later one has. So the rows of the other streams are
 * loaded with that first new one as the probe, and everything only when the probe finds a row:
 * at a rebuild's pace (most streams new in their batch) one small lookup instead of one per stream.
 *
 * `load` returns the rows of the ids given.
 */
export async function loadStoredRows<Row, Event extends RecordedEvent = RecordedEvent>(
  events: readonly Event[],
  streams: StreamsOfBatch<Event>,
  load: (ids: string[]) => Promise<Row[]>,
  idOf: (row: Row) => string,
): Promise<Map<string, Row>> {
  const firstSeen = new Map<string, boolean>();
  for (const event of events) {
    const id = streams.streamOf(event);
    if (!firstSeen.has(id)) firstSeen.set(id, streams.isNew(event));
  }
  const ids = [...firstSeen.keys()];
  const probe = ids.find((id) => firstSeen.get(id));
  const wanted = ids.filter((id) => !firstSeen.get(id) || id === probe);
  let rows = wanted.length > 0 ? await load(wanted) : [];
  if (probe !== undefined && rows.some((row) => idOf(row) === probe) && wanted.length < ids.length) rows = await load(ids);
  return new Map(rows.map((row) => [idOf(row), row]));
}
