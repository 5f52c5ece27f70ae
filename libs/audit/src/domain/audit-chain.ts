/**
 * The tamper-evident audit trail as a hash chain: each entry's hash is
 * `sha256(prevHash + canonical(entry))` (hex), the first entry's prevHash is 64 zeros. Changing,
 * removing or reordering a stored entry breaks the chain from that entry on; `verifyChain` finds
 * the first bad seq. It cannot tell a whole chain rewritten from scratch (anchor the head outside).
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type JsonValue } from './canonical-json';

/** One accepted command (or read of personal data), as hashed. */
export interface AuditEntry {
  /** 1, 2, 3, … without gaps */
  seq: number;
  /** business time of the command, the ISO string exactly as stored */
  at: string;
  actor: string;
  roles: readonly string[];
  /** the command: its name and payload */
  command: JsonValue;
  /** the stream it wrote to, null for reads */
  streamId: string | null;
  /** global position of the last event it wrote, null for reads */
  position: number | null;
}

export interface ChainedAuditEntry extends AuditEntry {
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
export const GENESIS_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

/** The canonical text of an entry: its seven fields only, keys sorted, so it always hashes the same. */
export function canonicalEntry(entry: AuditEntry): string {
  const { seq, at, actor, roles, command, streamId, position } = entry;
  return canonicalJson({ seq, at, actor, roles, command, streamId, position });
}

export function hashEntry(prevHash: string, entry: AuditEntry): string {
  return createHash('sha256')
    .update(prevHash + canonicalEntry(entry), 'utf8')
    .digest('hex');
}

/** The entry that follows `head` (for the serialized append): next seq, linked and hashed. */
export function chainEntry(head: ChainHead, entry: Omit<AuditEntry, 'seq'>): ChainedAuditEntry {
  const chained = { ...entry, seq: head.seq + 1 };
  return { ...chained, prevHash: head.hash, hash: hashEntry(head.hash, chained) };
}

export type ChainBreak = 'missing_entry' | 'out_of_order' | 'broken_link' | 'hash_mismatch';

export interface ChainVerification {
  valid: boolean;
  /** how many entries were given */
  entries: number;
  /** hash of the last entry that verified (the genesis/start hash if none did) */
  head: string;
  /** the first seq that is wrong: a missing seq, an entry out of place, or an entry whose link or hash fails */
  firstBadSeq?: number;
  reason?: ChainBreak;
}

/**
 * Walk the entries in the order given (read them ordered by seq) from `start` (genesis by default,
 * or a head verified earlier) and report the first break.
 */
export function verifyChain(entries: readonly ChainedAuditEntry[], start: ChainHead = GENESIS_HEAD): ChainVerification {
  let head = start;
  for (const entry of entries) {
    const expectedSeq = head.seq + 1;
    const broken = (firstBadSeq: number, reason: ChainBreak): ChainVerification => ({
      valid: false,
      entries: entries.length,
      head: head.hash,
      firstBadSeq,
      reason,
    });
    if (entry.seq > expectedSeq) return broken(expectedSeq, 'missing_entry');
    if (entry.seq < expectedSeq) return broken(entry.seq, 'out_of_order');
    if (entry.prevHash !== head.hash) return broken(entry.seq, 'broken_link');
    if (hashEntry(entry.prevHash, entry) !== entry.hash) return broken(entry.seq, 'hash_mismatch');
    head = { seq: entry.seq, hash: entry.hash };
  }
  return { valid: true, entries: entries.length, head: head.hash };
}
