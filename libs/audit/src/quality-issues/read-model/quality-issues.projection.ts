import type { Projection } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';
import { toBusinessDate } from '@app/kernel';
import { QUALITY_ISSUE_EVENT_TYPES, type QualityIssueEvent } from '../../domain/quality-issue.events';
import { businessCalendar } from '@app/kernel';
import { bareIssueId } from '../ids';
import { applyIssueEvent, type IssueRow, type StepRow } from './quality-issue-rows';
import { ISSUES_TABLE, STEPS_TABLE } from './quality-issues.tables';

const ISSUE_COLUMNS = `issue_id, matter_id, department_id, region_code, category, description, rule, status, deadline::text AS deadline,
  found_at, found_on::text AS found_on, closed_at, closed_on::text AS closed_on, inspector, last_note, returned_with, updated_at,
  version, position::text AS position`;

/**
 * Quality issues and their dated loop steps. Per batch: load the touched issues, fold the events
 * in memory, then one multi-row upsert for the issues and one insert for the steps. Events at or
 * below an issue's stored version are skipped, so a replayed batch changes nothing.
 */
export const QUALITY_ISSUES_PROJECTION = 'quality-issues';

export function qualityIssuesProjection(timeZone: string = businessCalendar().timeZone): Projection<QualityIssueEvent> {
  return {
    name: QUALITY_ISSUES_PROJECTION,
    version: 1,
    handles: QUALITY_ISSUE_EVENT_TYPES,
    async reset(tx) {
      await tx.query(`TRUNCATE ${ISSUES_TABLE}, ${STEPS_TABLE}`);
    },
    async apply(events, tx) {
      const rows = await loadRows(tx, [...new Set(events.map((event) => bareIssueId(event.streamId)))]);
      const steps: StepRow[] = [];
      const changed = new Set<string>();
      for (const recorded of events) {
        const event: QualityIssueEvent = recorded;
        const issueId = bareIssueId(recorded.streamId);
        const current = rows.get(issueId);
        if (current && recorded.version <= current.version) continue;
        const onDate = toBusinessDate(event.data.at, timeZone);
        const next = applyIssueEvent(current, { event, issueId, version: recorded.version, position: recorded.position, onDate });
        if (!next) continue;
        rows.set(issueId, next.row);
        changed.add(issueId);
        steps.push(next.step);
      }
      await saveRows(
        tx,
        [...changed].map((id) => rows.get(id)!),
      );
      await saveSteps(tx, steps);
    },
  };
}

async function loadRows(tx: SqlExecutor, ids: string[]): Promise<Map<string, IssueRow>> {
  const found = await tx.query<IssueRow & { position: string }>(
    `SELECT ${ISSUE_COLUMNS} FROM ${ISSUES_TABLE} WHERE issue_id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
    [JSON.stringify(ids)],
  );
  return new Map(found.map((row) => [row.issue_id, { ...row, version: Number(row.version), position: Number(row.position) }]));
}

async function saveRows(tx: SqlExecutor, rows: IssueRow[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]) as (keyof IssueRow)[];
  const updates = columns.filter((c) => c !== 'issue_id').map((c) => `${c} = excluded.${c}`);
  await tx.query(
    `INSERT INTO ${ISSUES_TABLE} (${columns.join(', ')})
     SELECT ${columns.join(', ')} FROM jsonb_populate_recordset(NULL::${ISSUES_TABLE}, $1::jsonb)
     ON CONFLICT (issue_id) DO UPDATE SET ${updates.join(', ')}`,
    [JSON.stringify(rows)],
  );
}

async function saveSteps(tx: SqlExecutor, steps: StepRow[]): Promise<void> {
  if (steps.length === 0) return;
  await tx.query(
    `INSERT INTO ${STEPS_TABLE} (issue_id, version, step, status, at, on_date, actor, text, deadline, position)
     SELECT issue_id, version, step, status, at, on_date, actor, text, deadline, position
     FROM jsonb_populate_recordset(NULL::${STEPS_TABLE}, $1::jsonb)
     ON CONFLICT (issue_id, version) DO NOTHING`,
    [JSON.stringify(steps)],
  );
}
