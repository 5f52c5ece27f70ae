import { setFlagsFromString } from 'node:v8';

/**
 * V8 lets the heap grow to several times what is live before it collects (the default growth
 * factor is up to 4×): while the projections rebuild, the live heap stays near 70 MB but the
 * process grew past 450 MB. Growing by at most half of what survived a collection keeps resident
 * memory near 250 MB for a small cost in collection time (BENCHMARKS.md). Called first by every
 * process that runs projections: the API and `projections run`.
 */
export function limitHeapGrowth(): void {
  setFlagsFromString('--heap-growing-percent=50');
}
