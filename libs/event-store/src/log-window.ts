import type { LogWindow, RecordedEvent } from './event-store.port';

/**
 * The window of a `readAll` result: all of its events, or only those of `types` (for stores that
 * cannot filter while reading).
 */
export function windowOf(read: readonly RecordedEvent[], types?: readonly string[]): LogWindow {
  const last = read[read.length - 1];
  const wanted = types && new Set(types);
  return {
    events: wanted ? read.filter((event) => wanted.has(event.type)) : [...read],
    scanned: read.length,
    end: last ? { checkpoint: last.checkpoint, position: last.position } : null,
  };
}
