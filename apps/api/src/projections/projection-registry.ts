import type { Projection } from '@app/event-store/projections/projection';

/**
 * Every read model's projection, each bounded context contributing its own. The runner keeps
 * them all up to date; `npm run projections` rebuilds them.
 */
export const allProjections: readonly Projection[] = [];
