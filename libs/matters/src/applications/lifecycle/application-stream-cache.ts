import type { Provider } from '@nestjs/common';
import { StreamCache } from '@app/event-store';

/**
 * The application streams this process handled last (see StreamCache): accept, then complete, then
 * deliver … of one application read its stream once. About 1–2 kB a stream; 5,000 streams kept.
 */
export const APPLICATION_STREAM_CACHE = Symbol('APPLICATION_STREAM_CACHE');

export const applicationStreamCacheProvider: Provider = {
  provide: APPLICATION_STREAM_CACHE,
  useFactory: () => new StreamCache(5000),
};
