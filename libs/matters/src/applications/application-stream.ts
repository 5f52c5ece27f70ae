/** An application's stream id (`application-<uuid>`); the API's `{id}` is the uuid alone. */
export const applicationStreamId = (applicationId: string): string => `application-${applicationId}`;

/** The API id of an application stream. */
export const applicationIdOf = (streamId: string): string => streamId.replace(/^application-/, '');
