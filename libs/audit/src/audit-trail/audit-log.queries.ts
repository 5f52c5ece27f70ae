import type { SqlExecutor } from '@app/event-store';
import type { Page } from '@app/http';
import { GENESIS_HEAD, verifyChain, type ChainBreak, type ChainedAuditEntry, type ChainHead } from '../domain/audit-chain';
import { AUDIT_LOG_COLUMNS, toChainedEntry, type AuditLogRow } from './audit-chain.store';
import { AUDIT_LOG_TABLE } from './audit-log.table';

export interface AuditLogFilter {
  actor?: string;
  streamId?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface AuditVerification {
  valid: boolean;
  /** entries walked (all of them when valid; up to the first bad one otherwise) */
  entries: number;
  /** hash of the last entry that verified */
  head: string;
  headSeq: number;
  firstBadSeq?: number;
  reason?: ChainBreak;
  /** the entry found where the chain broke (the changed or out-of-place one; for a missing one, the entry after the gap) */
  firstBadEntry?: ChainedAuditEntry;
}

export const VERIFY_PAGE_SIZE = 1000;

/** The audit chain, filtered, oldest first, a page of it. */
export async function auditLogPage(sql: SqlExecutor, filter: AuditLogFilter): Promise<Page<ChainedAuditEntry>> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(condition.replace('?', `$${params.length}`));
  };
  if (filter.actor) where('a.actor = ?', filter.actor);
  if (filter.streamId) where('a.stream_id = ?', filter.streamId);
  if (filter.from) where('a.at_time >= ?::timestamptz', filter.from);
  if (filter.to) where('a.at_time <= ?::timestamptz', filter.to);
  const clause = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  const [{ total }] = await sql.query<{ total: number }>(`SELECT count(*)::int AS total FROM ${AUDIT_LOG_TABLE} a ${clause}`, params);
  const rows = await sql.query<AuditLogRow>(
    `SELECT ${AUDIT_LOG_COLUMNS} FROM ${AUDIT_LOG_TABLE} a ${clause} ORDER BY a.seq LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.pageSize, (filter.page - 1) * filter.pageSize],
  );
  return { items: rows.map(toChainedEntry), page: filter.page, pageSize: filter.pageSize, total: Number(total) };
}

/** Walks the whole chain from genesis, a page at a time (1,000), and stops at the first break. */
export async function verifyAuditLog(sql: SqlExecutor): Promise<AuditVerification> {
  let head: ChainHead = GENESIS_HEAD;
  let walked = 0;
  for (;;) {
    const rows = await sql.query<AuditLogRow>(
      `SELECT ${AUDIT_LOG_COLUMNS} FROM ${AUDIT_LOG_TABLE} a WHERE a.seq > $1 ORDER BY a.seq LIMIT $2`,
      [head.seq, VERIFY_PAGE_SIZE],
    );
    if (rows.length === 0) return { valid: true, entries: walked, head: head.hash, headSeq: head.seq };
    const entries = rows.map(toChainedEntry);
    const result = verifyChain(entries, head);
    if (!result.valid) {
      const good = entries.findIndex((entry) => entry.hash === result.head) + 1;
      return {
        valid: false,
        entries: walked + good,
        head: result.head,
        headSeq: good > 0 ? entries[good - 1].seq : head.seq,
        firstBadSeq: result.firstBadSeq,
        reason: result.reason,
        ...(entries[good] ? { firstBadEntry: entries[good] } : {}),
      };
    }
    walked += entries.length;
    const last = entries[entries.length - 1];
    head = { seq: last.seq, hash: last.hash };
  }
}
