import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Random bytes: node's CSPRNG by default, injectable for deterministic tests. */
export type RandomBytes = (size: number) => Buffer;

const FORMAT_VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The blob could not be opened: wrong key (e.g. shredded and replaced), tampered or truncated. */
export class ApplicantDataUnreadableError extends Error {
  constructor(reason: string) {
    super(`applicant data unreadable: ${reason}`);
    this.name = 'ApplicantDataUnreadableError';
  }
}

/**
 * AES-256-GCM for applicant personal data (name, id number). Each applicant has its own 32-byte
 * key, kept OUTSIDE the event stream (a key table); deleting the key makes every blob of that
 * applicant unreadable — crypto-shredding, the way to erase personal data from an append-only log.
 *
 * Blob: base64 of `version(1) ‖ iv(12) ‖ tag(16) ‖ ciphertext`. A fresh random IV per call, so
 * the same plaintext never encrypts to the same blob. `associatedData` (e.g. the application id)
 * binds a blob to its context: opening it elsewhere fails.
 */
export class ApplicantCipher {
  constructor(private readonly random: RandomBytes = randomBytes) {}

  /** A new per-applicant key. */
  generateKey(): Buffer {
    return this.random(KEY_BYTES);
  }

  encrypt(plaintext: string, key: Buffer, associatedData?: string): string {
    assertKey(key);
    const iv = this.random(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (associatedData !== undefined) cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT_VERSION]), iv, cipher.getAuthTag(), ciphertext]).toString('base64');
  }

  decrypt(blob: string, key: Buffer, associatedData?: string): string {
    assertKey(key);
    const bytes = Buffer.from(blob, 'base64');
    if (bytes.length < 1 + IV_BYTES + TAG_BYTES || bytes[0] !== FORMAT_VERSION)
      throw new ApplicantDataUnreadableError('not a version-1 blob');
    const iv = bytes.subarray(1, 1 + IV_BYTES);
    const tag = bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(tag);
    if (associatedData !== undefined) decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    try {
      return Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      throw new ApplicantDataUnreadableError('authentication failed (wrong key or altered data)');
    }
  }
}

function assertKey(key: Buffer): void {
  if (!Buffer.isBuffer(key) || key.length !== KEY_BYTES) throw new RangeError(`an applicant key is ${KEY_BYTES} bytes`);
}
