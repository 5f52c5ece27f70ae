import type { LogWindow, ReadWindowOptions, RecordedEvent } from './event-store.port';

/**
 * The window of a `readAll` result: all of its events, or only those of `types`, with or without
 * their data (for stores that cannot choose while reading).
 */
export function windowOf(read: readonly RecordedEvent[], options: Pick<ReadWindowOptions, 'types' | 'withoutData'> = {}): LogWindow {
  const last = read[read.length - 1];
  const wanted = options.types && new Set(options.types);
  const kept = wanted ? read.filter((event) => wanted.has(event.type)) : [...read];
  return {
    events: options.withoutData ? kept.map((event) => ({ ...event, data: null })) : kept,
    scanned: read.length,
    end: last ? { checkpoint: last.checkpoint, position: last.position } : null,
  };
}
