/** Where the API's routes live (api.md): set once, by `configureApp`, for every context's controllers. */
export const API_PREFIX = 'api/v1';
