import { selectPage, SqlFilter, type SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import type { BundleMember } from '../../domain';
import { BUNDLES_TABLE } from './bundles.projection';

export interface BundleView {
  id: string;
  code: string;
  name: string;
  version: number;
  members: BundleMember[];
}

const COLUMNS = 'bundle_id AS id, code, name, version, members';

export async function bundleById(sql: SqlExecutor, bundleId: string): Promise<BundleView | null> {
  const [row] = await sql.query<BundleView>(`SELECT ${COLUMNS} FROM ${BUNDLES_TABLE} WHERE bundle_id = $1`, [bundleId]);
  return row ?? null;
}

/** A page of the catalogue's bundles ordered by code. */
export async function bundlePage(sql: SqlExecutor, paging: { page: number; pageSize: number }): Promise<Page<BundleView>> {
  const { rows, total } = await selectPage<BundleView>(sql, {
    table: BUNDLES_TABLE,
    columns: COLUMNS,
    filter: new SqlFilter(),
    orderBy: 'code, bundle_id',
    ...paging,
  });
  return { items: rows, page: paging.page, pageSize: paging.pageSize, total };
}
