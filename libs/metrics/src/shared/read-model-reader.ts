/**
 * What the query side needs of a database: `query(sql, params)`. TypeORM's `DataSource` (in the
 * app) and the `SqlClient` (in integration tests and the CLI) both satisfy it.
 */
export interface ReadModelReader {
  query(text: string, params?: unknown[]): Promise<unknown[]>;
}

export async function rows<Row>(reader: ReadModelReader, text: string, params: unknown[] = []): Promise<Row[]> {
  return (await reader.query(text, params)) as Row[];
}

/** PostgreSQL returns bigint counts and sums as strings; the API gives numbers. */
export const toCount = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
