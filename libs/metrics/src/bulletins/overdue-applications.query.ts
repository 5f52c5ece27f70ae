import type { SqlExecutor } from '@app/event-store';
import { toCount } from '../shared/to-count';

export interface OverdueApplication {
  applicationId: string;
  matterId: string;
  matterCode: string;
  departmentId: string;
  regionCode: string;
  acceptedOn: string;
  deadline: string;
}

export interface OverdueList {
  /** open and past the deadline on `asOf` (not while a pause is open) */
  total: number;
  /** of those, the ones whose deadline passed within the bulletin's interval */
  newlyOverdue: number;
  /** the longest overdue first, at most `limit` */
  items: OverdueApplication[];
}

const OPEN_AND_OVERDUE = `accepted_on <= $1::date AND (completed_on IS NULL OR completed_on > $1::date) AND (returned_on IS NULL OR returned_on > $1::date)
  AND deadline < $1::date AND (paused_since IS NULL OR paused_since > $1::date)`;

/** Applications overdue on `asOf`; `since`: the deadlines that passed on or after it are "new". */
export async function overdueApplications(sql: SqlExecutor, asOf: string, since: string, limit = 100): Promise<OverdueList> {
  const [counts] = await sql.query<{ total: string; newly: string }>(
    `SELECT count(*) AS total, count(*) FILTER (WHERE deadline >= $2::date) AS newly FROM rm_applications_v2 WHERE ${OPEN_AND_OVERDUE}`,
    [asOf, since],
  );
  const items = await sql.query<OverdueApplication>(
    `SELECT application_id AS "applicationId", matter_id AS "matterId", matter_code AS "matterCode", department_id AS "departmentId",
       region_code AS "regionCode", accepted_on::text AS "acceptedOn", deadline::text AS deadline
     FROM rm_applications_v2 WHERE ${OPEN_AND_OVERDUE} ORDER BY deadline, application_id LIMIT $2`,
    [asOf, limit],
  );
  return { total: toCount(counts?.total), newlyOverdue: toCount(counts?.newly), items };
}

/** What happened in an interval: applications accepted and completed (from the day counters). */
export async function activity(
  sql: SqlExecutor,
  from: string,
  to: string,
): Promise<{ accepted: number; completed: number; completedOnTime: number }> {
  const [sums] = await sql.query<{ accepted: string; completed: string; on_time: string }>(
    `SELECT coalesce(sum(accepted), 0) AS accepted, coalesce(sum(completed), 0) AS completed, coalesce(sum(on_time), 0) AS on_time
     FROM rm_application_counters_v2 WHERE grain = 'd' AND day BETWEEN $1::date AND $2::date`,
    [from, to],
  );
  return { accepted: toCount(sums?.accepted), completed: toCount(sums?.completed), completedOnTime: toCount(sums?.on_time) };
}
