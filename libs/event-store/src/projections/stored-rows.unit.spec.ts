import type { RecordedEvent } from '../event-store.port';
import { loadStoredRows, type StreamsOfBatch } from './stored-rows';

/** A table of rows by id, recording every lookup. */
function table(ids: string[]) {
  const lookups: string[][] = [];
  const load = async (wanted: string[]) => {
    lookups.push(wanted);
    return wanted.filter((id) => ids.includes(id)).map((id) => ({ id }));
  };
  return { load, lookups };
}

/** A batch's events by stream: `b*` is stream b's first event ever, `b` a later one. */
const events = (...spec: string[]) =>
  spec.map((s) => ({ streamId: s.replace('*', ''), version: s.endsWith('*') ? 1 : 2 }) as RecordedEvent);
const byStream: StreamsOfBatch = { streamOf: (event) => event.streamId, isNew: (event) => event.version === 1 };

describe('loadStoredRows', () => {
  it('looks up the streams that are not new in the batch, and the first new one as a probe', async () => {
    const { load, lookups } = table(['a', 'c']);
    const rows = await loadStoredRows(events('a', 'b*', 'b', 'c', 'd*', 'e*', 'a'), byStream, load, (row) => row.id);
    expect([...rows.keys()]).toEqual(['a', 'c']);
    expect(lookups).toEqual([['a', 'b', 'c']]);
  });

  it('looks up every stream when the probe has a row (a replayed batch)', async () => {
    const { load, lookups } = table(['a', 'b', 'd']);
    const rows = await loadStoredRows(events('a', 'b*', 'c', 'd*', 'e*'), byStream, load, (row) => row.id);
    expect([...rows.keys()].sort()).toEqual(['a', 'b', 'd']);
    expect(lookups).toEqual([
      ['a', 'b', 'c'],
      ['a', 'b', 'c', 'd', 'e'],
    ]);
  });

  it('needs no second lookup when nothing is new, and none at all for an empty batch', async () => {
    const { load, lookups } = table(['a']);
    expect([...(await loadStoredRows(events('a', 'b'), byStream, load, (row) => row.id)).keys()]).toEqual(['a']);
    expect([...(await loadStoredRows([], byStream, load, (row: { id: string }) => row.id)).keys()]).toEqual([]);
    expect(lookups).toEqual([['a', 'b']]);
  });
});
