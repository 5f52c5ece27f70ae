import type { SqlExecutor } from './sql-client';

/** Optional filters of a read model as one WHERE clause, numbering the parameters as they come. */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  /** `condition` with each `?` standing for `value` (every `?` of it the same parameter) */
  where(condition: string, value: unknown): void {
    this.params.push(value);
    this.conditions.push(condition.replaceAll('?', `$${this.params.length}`));
  }

  /** a condition without a parameter */
  whereLiteral(condition: string): void {
    this.conditions.push(condition);
  }

  get clause(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

export interface PageSelect {
  table: string;
  columns: string;
  filter: SqlFilter;
  /** unique in the end (a key last), so that pages neither overlap nor skip */
  orderBy: string;
  page: number;
  pageSize: number;
}

/** Page `page` (from 1) of the rows of `table` that match `filter`, in `orderBy`, and how many match in all. */
export async function selectPage<Row>(sql: SqlExecutor, select: PageSelect): Promise<{ rows: Row[]; total: number }> {
  const { table, columns, filter, orderBy, page, pageSize } = select;
  const [{ total }] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${table} ${filter.clause}`, filter.params);
  const next = filter.params.length;
  const rows = await sql.query<Row>(
    `SELECT ${columns} FROM ${table} ${filter.clause} ORDER BY ${orderBy} LIMIT $${next + 1} OFFSET $${next + 2}`,
    [...filter.params, pageSize, (page - 1) * pageSize],
  );
  return { rows, total: Number(total) };
}
