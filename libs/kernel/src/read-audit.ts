/** A read of personal data, to be recorded in the tamper-evident audit trail before the data is returned. */
export interface RecordedRead {
  /** user id of the reader */
  actor: string;
  roles: readonly string[];
  /** what was read, e.g. `application.applicant` */
  what: string;
  /** the stream whose data was read, e.g. `application-<uuid>` */
  streamId: string | null;
  /** when (ISO 8601 with offset); default now */
  at?: string;
  correlationId?: string;
}

/**
 * The port through which any context records such a read (libs/audit's AuditTrail implements it
 * and provides it as `READ_AUDIT`), so a context that discloses personal data need not import the
 * audit context, which itself reads theirs.
 */
export interface ReadAudit {
  recordRead(read: RecordedRead): Promise<{ seq: number; hash: string }>;
}

export const READ_AUDIT = Symbol('READ_AUDIT');
