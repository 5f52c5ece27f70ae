import { CancelledError, DeadlineExceededError, NotLeaderError, TimeoutError, UnavailableError } from '@eventstore/db-client';

/** gRPC status codes that mean "could not reach a usable server" (UNAVAILABLE, DEADLINE_EXCEEDED). */
const UNREACHABLE_GRPC_CODES = new Set([14, 4]);

/**
 * Errors after which the API should answer 503 rather than 500: no connection, no leader, a
 * deadline or server timeout, a server-cancelled call, or cluster discovery giving up.
 */
export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError
  ) {
    return true;
  }
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'number' && UNREACHABLE_GRPC_CODES.has(code)) return true;
  // thrown as a plain Error by the client's gossip discovery
  return /^Failed to discover after \d+ attempts/.test(error.message);
}
