import { Checkpoint } from '../event-store.port';

/**
 * A subscriber's place in the commit-safe order of `readAll`: the (transaction id, position) tuple
 * of the last event it processed, written `"<xid>:<position>"`. Both parts are unsigned 64-bit
 * integers, compared as a tuple (never as strings).
 */
export interface TxPosition {
  txid: bigint;
  position: bigint;
}

export const START: TxPosition = { txid: 0n, position: 0n };

export function encodeCheckpoint(txid: string | bigint, position: string | number | bigint): Checkpoint {
  return `${BigInt(txid)}:${BigInt(position)}` as Checkpoint;
}

export function decodeCheckpoint(checkpoint: Checkpoint | null | undefined): TxPosition {
  if (checkpoint == null) return START;
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not a PostgreSQL event-store checkpoint: ${JSON.stringify(checkpoint)}`);
  return { txid: BigInt(match[1]), position: BigInt(match[2]) };
}

export function compareTxPositions(a: TxPosition, b: TxPosition): number {
  if (a.txid !== b.txid) return a.txid < b.txid ? -1 : 1;
  if (a.position !== b.position) return a.position < b.position ? -1 : 1;
  return 0;
}
