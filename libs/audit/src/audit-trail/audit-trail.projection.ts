import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '@app/event-store';
import type { SqlExecutor } from '@app/event-store';
import { parseIsoTimestamp } from '@app/kernel';
import { appendToChain, type AuditDraft } from './audit-chain.store';
import { AUDIT_LOG_TABLE } from './audit-log.table';
import { groupByCommand, type CommandGroup } from './command-groups';

interface AppendExtent {
  version: number;
  position: number;
}

/**
 * The audit trail: one chained entry per accepted command, fed from the event store by the single
 * projection runner over every event type (`handles: 'all'`), so no command can be missed and
 * the chain cannot fork. It is NEVER rebuilt:
 * `reset` refuses (the table refuses TRUNCATE too); a replayed batch is skipped entry by entry.
 */
export const auditTrailProjection: Projection = {
  name: 'audit-trail',
  version: 1,
  handles: 'all',
  // an entry is made of the events' metadata, stream, versions and positions: catching up, the store sends no data
  readsData: false,
  async reset() {
    throw new Error(`the audit trail (${AUDIT_LOG_TABLE}) is an append-only hash chain and is never reset or rebuilt`);
  },
  async apply(events, tx) {
    const groups = await unrecorded(tx, groupByCommand(events));
    if (groups.length === 0) return;
    const tail = groups[groups.length - 1];
    const extent = await appendExtent(tx, tail.events[tail.events.length - 1]);
    await appendToChain(
      tx,
      groups.map((group) => draftOf(group, group === tail ? extent : null)),
    );
  },
};

function draftOf(group: CommandGroup, extent: AppendExtent | null): AuditDraft {
  const first = group.events[0];
  const last = group.events[group.events.length - 1];
  const lastVersion = Math.max(last.version, extent?.version ?? 0);
  const at = typeof first.metadata.at === 'string' && parseIsoTimestamp(first.metadata.at) !== null ? first.metadata.at : first.recordedAt;
  const roles = Array.isArray(first.metadata.roles) ? first.metadata.roles.map(String) : [];
  return {
    at,
    actor: String(first.metadata.actor ?? 'unknown'),
    roles,
    command: {
      name: group.command,
      correlationId: group.correlationId,
      fromVersion: first.version,
      toVersion: lastVersion,
      recordedAt: first.recordedAt,
    },
    streamId: group.streamId,
    position: Math.max(last.position, extent?.position ?? 0),
    firstVersion: first.version,
    lastVersion,
  };
}

/**
 * Drops groups already chained: the rest of an append whose head ended the previous batch (the last
 * command entry's extent covers it), or a whole replayed batch. The runner chains in log order, so
 * every event before its checkpoint is chained and none after it, except through that extent: when
 * the first group beyond the extent is not chained, nothing after it is either, and one probe
 * answers for the batch instead of one per group. Only a replay (the first group is chained) is
 * probed group by group.
 */
async function unrecorded(tx: SqlExecutor, groups: CommandGroup[]): Promise<CommandGroup[]> {
  if (groups.length === 0) return groups;
  const [last] = await tx.query<{ stream_id: string; first_version: string; last_version: string }>(
    `SELECT stream_id, first_version::text, last_version::text FROM ${AUDIT_LOG_TABLE}
     WHERE stream_id IS NOT NULL ORDER BY seq DESC LIMIT 1`,
  );
  const inLastExtent = (group: CommandGroup) =>
    last !== undefined &&
    group.streamId === last.stream_id &&
    group.events[0].version >= Number(last.first_version) &&
    group.events[0].version <= Number(last.last_version);
  const rest = groups.filter((group) => !inLastExtent(group));
  if (rest.length === 0 || (await chained(tx, rest.slice(0, 1))).size === 0) return rest;
  const seen = await chained(tx, rest);
  return rest.filter((_, i) => !seen.has(i));
}

/**
 * The indexes of the groups whose first event an entry already covers: one index probe per group
 * (`LATERAL … LIMIT 1` keeps it a nested loop; as a semi-join the planner, guessing 100 rows for
 * the function, hashed the whole trail instead — a scan of millions of entries per batch).
 */
async function chained(tx: SqlExecutor, groups: CommandGroup[]): Promise<Set<number>> {
  const probes = groups.map((group, i) => ({ i, stream_id: group.streamId, version: group.events[0].version }));
  const seen = await tx.query<{ i: number }>(
    `SELECT x.i FROM jsonb_to_recordset($1::jsonb) AS x(i int, stream_id text, version bigint)
     CROSS JOIN LATERAL (SELECT 1 FROM ${AUDIT_LOG_TABLE} a
                         WHERE a.stream_id = x.stream_id AND a.last_version >= x.version AND a.first_version <= x.version
                         LIMIT 1) AS hit`,
    [JSON.stringify(probes)],
  );
  return new Set(seen.map((row) => Number(row.i)));
}

/**
 * A batch may end in the middle of one append: the rest of that append (same transaction in
 * `es_events`) is looked up so the entry records the command's last event. Where the events live
 * elsewhere (EventStoreDB) there is no such table and the batch's own last event is used.
 */
async function appendExtent(tx: SqlExecutor, event: RecordedEvent): Promise<AppendExtent | null> {
  const [present] = await tx.query<{ present: boolean }>(`SELECT to_regclass('es_events') IS NOT NULL AS present`);
  if (!present?.present) return null;
  const [row] = await tx.query<{ version: string | null; position: string | null }>(
    `SELECT max(e.version)::text AS version, max(e.position)::text AS position
     FROM es_events e JOIN es_events f ON f.stream_id = $1 AND f.version = $2
     WHERE e.stream_id = $1 AND e.transaction_id = f.transaction_id`,
    [event.streamId, event.version],
  );
  return row?.version ? { version: Number(row.version), position: Number(row.position) } : null;
}
