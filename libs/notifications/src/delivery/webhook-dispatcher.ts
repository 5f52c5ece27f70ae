import {
  consoleProjectionLogger,
  runAsLeader,
  StopSignal,
  type AdvisoryLock,
  type ProjectionLogger,
  type SqlClient,
} from '@app/event-store';
import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from '../domain';
import { headDeliveries, recordAttempt, type HeadDelivery } from './delivery-queue';
import { sendDelivery, type AttemptOutcome } from './send-delivery';

/** One dispatcher at a time across processes; a second one takes over when the first dies (its lock goes with its connection). */
export const DISPATCH_LOCK_KEY = 'notifications:dispatch';

export interface DispatcherOptions {
  retry?: RetrySchedule;
  /** a 2xx within this is delivered (api.md: 5 s) */
  timeoutMs?: number;
  /** how often it looks for due deliveries when nothing woke it (default 250 ms) */
  pollMs?: number;
  lockRetryMs?: number;
  logger?: ProjectionLogger;
  /** the attempt itself (tests may wrap it to count attempts; it stays a real HTTP POST) */
  send?: typeof sendDelivery;
}

/**
 * Sends the outbox (webhook_deliveries): per subscription one attempt at a time, always its
 * oldest pending delivery — so each receiver gets events in log order, at least once — and the
 * subscriptions side by side, so a slow or dead receiver delays only itself. Runs where the
 * projections run, one instance at a time; commands never wait for it. A delivery pending when
 * the process dies is still pending in the table and goes out from whichever instance leads next.
 */
export class WebhookDispatcher {
  private readonly signal = new StopSignal();
  private readonly inFlight = new Map<string, Promise<void>>();
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly options: Required<DispatcherOptions>;

  constructor(
    private readonly sql: SqlClient,
    options: DispatcherOptions = {},
  ) {
    this.options = {
      retry: options.retry ?? DEFAULT_RETRY_SCHEDULE,
      timeoutMs: options.timeoutMs ?? 5000,
      pollMs: options.pollMs ?? 250,
      lockRetryMs: options.lockRetryMs ?? 1000,
      logger: options.logger ?? consoleProjectionLogger,
      send: options.send ?? sendDelivery,
    };
  }

  start(): void {
    this.loop ??= runAsLeader(this.sql, DISPATCH_LOCK_KEY, this.signal, { ...this.options, label: 'webhook dispatcher' }, (lock) =>
      this.dispatch(lock),
    );
  }

  /** Lets the attempts in flight finish (each is bounded by the timeout), then releases the lock. */
  async stop(): Promise<void> {
    this.signal.request();
    this.wake?.();
    await this.loop;
  }

  /** Looks for due deliveries now (after a manual retry, say) instead of at the next poll. */
  nudge(): void {
    this.wake?.();
  }

  private async dispatch(lock: AdvisoryLock): Promise<void> {
    this.options.logger.log('webhook dispatcher: running');
    try {
      while (!this.signal.requested && lock.held) {
        const now = new Date();
        const heads = await headDeliveries(this.sql, [...this.inFlight.keys()]);
        let soonest = this.options.pollMs;
        for (const head of heads) {
          const wait = head.nextAttemptAt.getTime() - now.getTime();
          if (wait > 0) soonest = Math.min(soonest, wait);
          else this.attempt(head, lock);
        }
        await this.pause(soonest);
      }
    } finally {
      await Promise.all(this.inFlight.values());
    }
  }

  /** Resolves after `ms`, on `nudge()`, when an attempt finishes, or on stop. */
  private pause(ms: number): Promise<void> {
    return this.signal.race(
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.wake?.(), ms);
        this.wake = () => {
          clearTimeout(timer);
          this.wake = null;
          resolve();
        };
      }),
    );
  }

  private attempt(head: HeadDelivery, lock: AdvisoryLock): void {
    const run = (async () => {
      const outcome: AttemptOutcome = head.secret
        ? await this.options.send(
            { deliveryId: head.deliveryId, url: head.url, secret: head.secret, body: head.body },
            this.options.timeoutMs,
          )
        : { delivered: false, status: null, error: 'the subscription has no signing secret' };
      if (!lock.held) return; // another instance leads now and sends it again (at least once)
      const state = await recordAttempt(this.sql, head, outcome, this.options.retry, new Date());
      if (state === 'failed')
        this.options.logger.log(
          `webhook delivery ${head.deliveryId} to ${head.url} failed for good: ${'error' in outcome ? outcome.error : ''}`,
        );
    })()
      .catch((error: unknown) => this.options.logger.error(`webhook delivery ${head.deliveryId}: recording the attempt failed`, error))
      .finally(() => {
        this.inFlight.delete(head.subscriptionId);
        this.wake?.();
      });
    this.inFlight.set(head.subscriptionId, run);
  }
}
