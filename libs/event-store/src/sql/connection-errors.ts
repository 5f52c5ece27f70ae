const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN']);
/**
 * PostgreSQL SQLSTATEs of a server that is gone or going: admin/crash shutdown, cannot connect now,
 * connection exceptions, and a write refused by a standby (25006: the primary was demoted, or
 * the failover has not promoted the other yet).
 */
const SERVER_GONE = /^(57P0[1-3]|08\w{3}|25006)$/;

/** True for errors that mean "the database cannot be reached right now" (→ 503), whichever driver raised them. */
export function isConnectionError(error: unknown): boolean {
  for (
    let current = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    current && depth < 5;
    depth++
  ) {
    const code = typeof current.code === 'string' ? current.code : '';
    if (NETWORK_CODES.has(code) || SERVER_GONE.test(code)) return true;
    const message = typeof current.message === 'string' ? current.message : '';
    if (
      /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
        message,
      )
    )
      return true;
    current = current.cause as typeof current;
  }
  return false;
}
