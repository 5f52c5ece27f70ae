/** A bundle's stream id (`bundle-<uuid>`); the API's `{id}` is the uuid alone. */
export const bundleStreamId = (bundleId: string): string => `bundle-${bundleId}`;

/** A bundle application's stream id (`bundle-application-<uuid>`). */
export const bundleApplicationStreamId = (bundleApplicationId: string): string => `bundle-application-${bundleApplicationId}`;
