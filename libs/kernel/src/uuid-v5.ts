import { createHash } from 'node:crypto';

/**
 * Ids derived from what they are about (RFC 4122 version 5), so a replay or a retry addresses the
 * same stream: red cards per application, follow-up cases per evaluation, deliveries per
 * subscription and event. Hashing is pure (no clock, no I/O), so the kernel may hold it.
 */
/** A name-based UUID (version 5) of `name` in `namespace`. */
export function uuidV5(namespace: string, name: string): string {
  const namespaceBytes = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  if (namespaceBytes.length !== 16) throw new RangeError(`not a UUID: ${namespace}`);
  const bytes = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
