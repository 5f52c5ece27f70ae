/** Who, when and why a command is issued: built by the controller, carried into every event's metadata. */
export interface CommandContext {
  actor: { userId: string; roles: readonly string[]; departmentId?: string; regionCode?: string };
  /** business time of the fact (ISO 8601 with offset), already checked not to be in the future */
  at: string;
  correlationId: string;
  /** the command's name as the API knows it, e.g. `application.accept` (recorded in metadata and the audit trail) */
  command: string;
  /** the client's Idempotency-Key: makes the events' ids deterministic, so a retry appends nothing */
  idempotencyKey?: string;
  /** If-Match: the stream must be at this version */
  expectedVersion?: number;
}

/** What every command answers: `{id, version, position}` (api.md). */
export interface CommandResult {
  id: string;
  /** the stream's version after the command (its ETag) */
  version: number;
  /** global position of the last event written (or of the stream's last event when nothing was written) */
  position: number;
}
