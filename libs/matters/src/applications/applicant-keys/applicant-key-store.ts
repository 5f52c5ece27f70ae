import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { ApplicantCipher } from '../../personal-data';

/**
 * The per-applicant keys (table `applicant_keys`), kept outside the event stream. `erase` is
 * crypto-shredding: without its key an applicant's sealed blob can never be opened again.
 */
@Injectable()
export class ApplicantKeyStore {
  constructor(
    @Inject(SQL_CLIENT) private readonly sql: SqlClient,
    private readonly cipher: ApplicantCipher,
  ) {}

  /** Generates and stores a new key. */
  async create(): Promise<{ keyId: string; key: Buffer }> {
    const keyId = randomUUID();
    const key = this.cipher.generateKey();
    await this.sql.query('INSERT INTO applicant_keys (key_id, key) VALUES ($1, $2)', [keyId, key]);
    return { keyId, key };
  }

  async find(keyId: string): Promise<Buffer | null> {
    const [row] = await this.sql.query<{ key: Uint8Array }>('SELECT key FROM applicant_keys WHERE key_id = $1', [keyId]);
    return row ? Buffer.from(row.key) : null;
  }

  /** Deletes the key; true when there was one. */
  async erase(keyId: string): Promise<boolean> {
    const rows = await this.sql.query('DELETE FROM applicant_keys WHERE key_id = $1 RETURNING key_id', [keyId]);
    return rows.length > 0;
  }
}
