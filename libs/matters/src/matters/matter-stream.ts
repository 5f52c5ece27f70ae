/** A matter's stream id (`matter-<uuid>`); the API's `{id}` is the uuid alone. */
export const matterStreamId = (matterId: string): string => `matter-${matterId}`;
