/** The audit hash chain's table (created by its migration, `AuditLog1764160000000`). Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE. */
export const AUDIT_LOG_TABLE = 'audit_log_v1';
