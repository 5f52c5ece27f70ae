/** PostgreSQL returns bigint counts and sums as strings; the API gives numbers. */
export const toCount = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
