/** How deliveries are retried (api.md, Notifications): exponential back-off from `baseMs`, each wait capped, for `hours`. */
export interface RetrySchedule {
  /** the first retry's wait (WEBHOOK_RETRY_BASE_MS, default 1000) */
  baseMs: number;
  /** how long a delivery is retried from its first attempt (WEBHOOK_RETRY_HOURS, default 24) */
  hours: number;
  /** the longest single wait (10 minutes) */
  capMs: number;
}

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = { baseMs: 1000, hours: 24, capMs: 10 * 60_000 };

/**
 * After the `failedAttempts`-th failed attempt of a round (1 for the first), when to try again —
 * `baseMs`, doubling, each wait at most `capMs` — or null when that would be past `giveUpAt`: the
 * delivery is `failed` then (retryable by hand, which starts a new round).
 */
export function nextAttemptAt(schedule: RetrySchedule, failedAttempts: number, now: Date, giveUpAt: Date): Date | null {
  const exponent = Math.min(Math.max(failedAttempts - 1, 0), 40);
  const wait = Math.min(schedule.baseMs * 2 ** exponent, schedule.capMs);
  const next = new Date(now.getTime() + wait);
  return next.getTime() > giveUpAt.getTime() ? null : next;
}

/** The end of a round that starts with an attempt at `firstAttempt`. */
export const giveUpAtFor = (schedule: RetrySchedule, firstAttempt: Date): Date =>
  new Date(firstAttempt.getTime() + schedule.hours * 3_600_000);
