/**
 * The stored read-model rows a batch must load before folding its events, one per stream (e.g. an
 * application). A stream whose first event in the batch is its first event ever (`fresh`) can have
 * no row yet — unless the batch is a replay, which the runner never does but a manual replay might:
 * the runner applies the log in order, so the applied events are a prefix of it, and if the first
 * fresh stream of the batch has no row, no later one has. So the rows of the other streams are
 * loaded with that first fresh one as the probe, and everything only when the probe finds a row:
 * at a rebuild's pace (most streams new in their batch) one small lookup instead of one per stream.
 *
 * `streams` in the order of their first event in the batch; `load` returns the rows of the ids given.
 */
export async function loadStoredRows<Row>(
  streams: readonly { id: string; fresh: boolean }[],
  load: (ids: string[]) => Promise<Row[]>,
  idOf: (row: Row) => string,
): Promise<Map<string, Row>> {
  const probe = streams.find((stream) => stream.fresh);
  const wanted = streams.filter((stream) => !stream.fresh || stream === probe).map((stream) => stream.id);
  let rows = wanted.length > 0 ? await load(wanted) : [];
  if (probe && rows.some((row) => idOf(row) === probe.id) && wanted.length < streams.length)
    rows = await load(streams.map((stream) => stream.id));
  return new Map(rows.map((row) => [idOf(row), row]));
}
