import type { SqlExecutor } from '@app/event-store';
import { chainEntry, GENESIS_HEAD, type AuditEntry, type ChainedAuditEntry, type ChainHead } from '../domain/audit-chain';
import type { JsonValue } from '../domain/canonical-json';
import { AUDIT_LOG_TABLE } from './audit-log.table';

/** An entry before it is chained, with the stream versions it covers (not hashed; for de-duplication). */
export type AuditDraft = Omit<AuditEntry, 'seq'> & { firstVersion: number | null; lastVersion: number | null };

/**
 * The one writer of the chain. Every append — the projection's batch and every recorded read —
 * takes this transaction-level advisory lock first and reads the head inside it, so two writers
 * can never chain onto the same head (no fork), whichever process they run in.
 */
const CHAIN_LOCK = `SELECT pg_advisory_xact_lock(hashtextextended('${AUDIT_LOG_TABLE}:chain', 0))`;

const HASHES_BETWEEN_YIELDS = 256;

export async function appendToChain(tx: SqlExecutor, drafts: readonly AuditDraft[]): Promise<ChainedAuditEntry[]> {
  if (drafts.length === 0) return [];
  await tx.query(CHAIN_LOCK);
  let head = await readHead(tx);
  const chained: { next: ChainedAuditEntry; firstVersion: number | null; lastVersion: number | null }[] = [];
  for (const { firstVersion, lastVersion, ...entry } of drafts) {
    const next = chainEntry(head, entry);
    head = { seq: next.seq, hash: next.hash };
    chained.push({ next, firstVersion, lastVersion });
    // thousands of hashes in a row (the trail catching up) would hold every request of the process waiting
    if (chained.length % HASHES_BETWEEN_YIELDS === 0) await new Promise((resolve) => setImmediate(resolve));
  }
  const rows = chained.map(({ next, firstVersion, lastVersion }) => ({
    seq: next.seq,
    at: next.at,
    actor: next.actor,
    roles: next.roles,
    command: next.command,
    stream_id: next.streamId,
    position: next.position,
    first_version: firstVersion,
    last_version: lastVersion,
    prev_hash: next.prevHash,
    hash: next.hash,
  }));
  await tx.query(
    `INSERT INTO ${AUDIT_LOG_TABLE} (seq, at, at_time, actor, roles, command, stream_id, position, first_version, last_version, prev_hash, hash)
     SELECT seq, at, at::timestamptz, actor, roles, command, stream_id, position, first_version, last_version, prev_hash, hash
     FROM jsonb_to_recordset($1::jsonb) AS x(seq bigint, at text, actor text, roles jsonb, command jsonb, stream_id text,
       position bigint, first_version bigint, last_version bigint, prev_hash text, hash text)`,
    [JSON.stringify(rows)],
  );
  return chained.map(({ next }) => next);
}

export async function readHead(db: SqlExecutor): Promise<ChainHead> {
  const [row] = await db.query<{ seq: string; hash: string }>(
    `SELECT a.seq::text AS seq, a.hash FROM ${AUDIT_LOG_TABLE} a ORDER BY a.seq DESC LIMIT 1`,
  );
  return row ? { seq: Number(row.seq), hash: row.hash } : GENESIS_HEAD;
}

export interface AuditLogRow {
  seq: string;
  at: string;
  actor: string;
  roles: string[];
  command: JsonValue;
  stream_id: string | null;
  position: string | null;
  prev_hash: string;
  hash: string;
}

/** Select list over `${AUDIT_LOG_TABLE} a`; order by `a.seq` (the text alias would sort as text). */
export const AUDIT_LOG_COLUMNS = `a.seq::text AS seq, a.at, a.actor, a.roles, a.command, a.stream_id, a.position::text AS position, a.prev_hash, a.hash`;

export function toChainedEntry(row: AuditLogRow): ChainedAuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    roles: row.roles,
    command: row.command,
    streamId: row.stream_id,
    position: row.position === null ? null : Number(row.position),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
