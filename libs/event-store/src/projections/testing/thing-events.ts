import { randomUUID } from 'node:crypto';
import type { AppendResult, EventStore, RecordedEvent } from '../../event-store.port';

/** Test events for the tally projection (no test-framework imports: the child process uses them too). */
const TYPES = ['thing.created', 'thing.updated', 'thing.ignored'] as const;

/** Appends `count` events over `streams` streams, `perAppend` at a time; types cycle through TYPES (one in three is not handled). */
export async function appendThings(
  store: EventStore,
  count: number,
  options: { streams?: number; perAppend?: number; tag?: string } = {},
): Promise<AppendResult> {
  const streams = options.streams ?? 7;
  const perAppend = options.perAppend ?? 10;
  let last: AppendResult | undefined;
  for (let i = 0, round = 0; i < count; round++) {
    const n = Math.min(perAppend, count - i);
    const events = Array.from({ length: n }, (_, k) => ({
      id: randomUUID(),
      type: TYPES[(i + k) % TYPES.length],
      data: { n: i + k, tag: options.tag ?? null },
      metadata: { actor: 'system', correlationId: randomUUID(), at: '2024-01-01T00:00:00+08:00' },
    }));
    last = await store.append(`thing-${round % streams}`, events, { expectedVersion: 'any' });
    i += n;
  }
  if (!last) throw new Error('appendThings: nothing to append');
  return last;
}

export async function readEverything(store: EventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ after: all.length ? all[all.length - 1].checkpoint : null, limit: 1000 });
    all.push(...batch);
    if (batch.length < 1000) return all;
  }
}
