import { createHash, randomUUID } from 'node:crypto';

/**
 * Event ids: random, or — under an Idempotency-Key — derived from (stream, actor, key, index) as
 * an RFC 4122 version-5-style UUID, so the same command retried produces the same ids and the
 * event store recognises the retry.
 */
export function eventIds(count: number, seed?: { streamId: string; userId: string; idempotencyKey: string }): string[] {
  return Array.from({ length: count }, (_, index) =>
    seed ? deterministicId(`${seed.streamId}\u0000${seed.userId}\u0000${seed.idempotencyKey}\u0000${index}`) : randomUUID(),
  );
}

/** The id of an aggregate a command creates: random, or derived from the Idempotency-Key so a retry addresses the same stream. */
export function newAggregateId(seed?: { userId: string; idempotencyKey: string; command: string }): string {
  return seed ? deterministicId(`${seed.command}\u0000${seed.userId}\u0000${seed.idempotencyKey}`) : randomUUID();
}

function deterministicId(name: string): string {
  const bytes = createHash('sha1').update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
