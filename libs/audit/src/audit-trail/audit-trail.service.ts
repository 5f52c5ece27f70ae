import { Inject, Injectable } from '@nestjs/common';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import type { ReadAudit, RecordedRead } from '@app/kernel';
import { appendToChain } from './audit-chain.store';

export type { RecordedRead };

/**
 * The audit trail's entry point for other contexts. Commands are recorded by the audit-trail
 * projection; reads of personal data are recorded here, through the same serialized writer
 * (transaction-level advisory lock on the chain), before the data is returned.
 */
@Injectable()
export class AuditTrail implements ReadAudit {
  constructor(@Inject(SQL_CLIENT) private readonly sql: SqlClient) {}

  async recordRead(read: RecordedRead): Promise<{ seq: number; hash: string }> {
    const command = { name: 'read', what: read.what, ...(read.correlationId ? { correlationId: read.correlationId } : {}) };
    const [entry] = await this.sql.transaction((tx) =>
      appendToChain(tx, [
        {
          at: read.at ?? new Date().toISOString(),
          actor: read.actor,
          roles: [...read.roles],
          command,
          streamId: read.streamId,
          position: null,
          firstVersion: null,
          lastVersion: null,
        },
      ]),
    );
    return { seq: entry.seq, hash: entry.hash };
  }
}
