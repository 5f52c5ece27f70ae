import type { ProjectionLogger } from '../projections/projection';
import type { StopSignal } from '../projections/stop-signal';
import type { AdvisoryLock, SqlClient } from './sql-client';

export interface LeaderLoopOptions {
  /** how long an instance without the lock waits before trying again, and after losing it */
  lockRetryMs: number;
  logger: ProjectionLogger;
  /** names the work in the log: `reaction bad-reviews v1` */
  label: string;
}

/**
 * One active instance across processes: until `signal` stops it, take the session advisory lock
 * `key` and run `work` while it holds it (work returns when the lock is lost or a stop is
 * requested), release it, then give another instance the chance to take over. What the
 * projection workers, the reactors and the webhook dispatcher share. A failure of `work` is
 * logged and retried after `lockRetryMs`.
 */
export async function runAsLeader(
  sql: SqlClient,
  key: string,
  signal: StopSignal,
  options: LeaderLoopOptions,
  work: (lock: AdvisoryLock) => Promise<void>,
): Promise<void> {
  const { logger, label, lockRetryMs } = options;
  while (!signal.requested) {
    const lock = await sql.tryAdvisoryLock(key).catch((error: unknown) => {
      logger.error(`${label}: could not try its lock`, error);
      return null;
    });
    if (!lock) {
      await signal.sleep(lockRetryMs);
      continue;
    }
    try {
      await work(lock);
    } catch (error) {
      logger.error(`${label}: stopped; retrying`, error);
    } finally {
      await lock.release().catch((error: unknown) => logger.error(`${label}: releasing its lock failed`, error));
    }
    await signal.sleep(lockRetryMs);
  }
}
