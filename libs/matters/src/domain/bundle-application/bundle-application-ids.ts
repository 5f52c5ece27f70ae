import { createHash } from 'node:crypto';

/**
 * The id of a member application of a bundle application: a UUID v5 (RFC 4122: SHA-1 of a
 * namespace and a name) of the matter id in the bundle application's id as namespace, so a retry
 * of the submission addresses the same application streams, and no other submission can.
 */
export function memberApplicationId(bundleApplicationId: string, matterId: string): string {
  const namespace = Buffer.from(bundleApplicationId.replace(/-/g, ''), 'hex');
  if (namespace.length !== 16) throw new RangeError(`not a UUID: ${bundleApplicationId}`);
  const bytes = createHash('sha1').update(namespace).update(matterId, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
