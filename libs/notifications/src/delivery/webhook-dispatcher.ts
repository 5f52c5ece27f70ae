import {
  consoleProjectionLogger,
  runAsLeader,
  StopSignal,
  type AdvisoryLock,
  type ProjectionLogger,
  type SqlClient,
} from '@app/event-store';
import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from '../domain';
import { dueSubscriptions, pendingDeliveries, recordDelivered, recordFailure } from './delivery-queue';
import { WebhookSender, type AttemptOutcome } from './send-delivery';

/** One dispatcher at a time across processes; a second one takes over when the first dies (its lock goes with its connection). */
export const DISPATCH_LOCK_KEY = 'notifications:dispatch';

/** deliveries a lane reads at a time, and how many sent ones it records in one statement */
const LANE_BATCH = 100;
const RECORD_GROUP = 20;

export interface DispatcherOptions {
  retry?: RetrySchedule;
  /** a 2xx within this is delivered (api.md: 5 s) */
  timeoutMs?: number;
  /** how often it looks for due deliveries when nothing woke it (default 250 ms) */
  pollMs?: number;
  lockRetryMs?: number;
  logger?: ProjectionLogger;
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
  /** the subscriptions whose lane runs, and its promise */
  private readonly lanes = new Map<string, Promise<void>>();
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private readonly options: Required<DispatcherOptions>;
  private readonly sender = new WebhookSender();

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
    await this.sender.close();
  }

  private async dispatch(lock: AdvisoryLock): Promise<void> {
    this.options.logger.log('webhook dispatcher: running');
    try {
      while (!this.signal.requested && lock.held) {
        const now = Date.now();
        let soonest = this.options.pollMs;
        for (const { subscriptionId, dueAt } of await dueSubscriptions(this.sql, [...this.lanes.keys()])) {
          const wait = dueAt.getTime() - now;
          if (wait > 0) soonest = Math.min(soonest, wait);
          else this.startLane(subscriptionId, lock);
        }
        await this.pause(soonest);
      }
    } finally {
      await Promise.all(this.lanes.values());
    }
  }

  /** Resolves after `ms`, when a lane ends, or on stop. */
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

  private startLane(subscriptionId: string, lock: AdvisoryLock): void {
    const lane = this.drain(subscriptionId, lock)
      .catch((error: unknown) => this.options.logger.error(`webhook deliveries of subscription ${subscriptionId}: recording failed`, error))
      .finally(() => {
        this.lanes.delete(subscriptionId);
        this.wake?.();
      });
    this.lanes.set(subscriptionId, lane);
  }

  /**
   * One subscription's lane: its pending deliveries in log order, one attempt at a time, until
   * one fails (it stays the head, due again by the back-off) or nothing due is left. Deliveries
   * are recorded in groups (a crash before the record sends them again: at least once).
   */
  private async drain(subscriptionId: string, lock: AdvisoryLock): Promise<void> {
    const delivered: { deliveryId: string; status: number; at: Date }[] = [];
    try {
      for (;;) {
        const batch = await pendingDeliveries(this.sql, subscriptionId, LANE_BATCH);
        for (const delivery of batch) {
          if (this.signal.requested || !lock.held || delivery.nextAttemptAt.getTime() > Date.now()) return;
          const outcome: AttemptOutcome = !delivery.secret
            ? { delivered: false, status: null, error: 'the subscription has no signing secret' }
            : delivery.body === null
              ? { delivered: false, status: null, error: 'the event’s body is missing from the outbox' }
              : await this.sender.send(
                  { deliveryId: delivery.deliveryId, url: delivery.url, secret: delivery.secret, body: delivery.body },
                  this.options.timeoutMs,
                );
          if (outcome.delivered) {
            delivered.push({ deliveryId: delivery.deliveryId, status: outcome.status, at: new Date() });
            if (delivered.length >= RECORD_GROUP) await recordDelivered(this.sql, delivered.splice(0));
            continue;
          }
          if (!lock.held) return; // another instance leads now and sends it again (at least once)
          await recordDelivered(this.sql, delivered.splice(0));
          if ((await recordFailure(this.sql, delivery, outcome, this.options.retry, new Date())) === 'failed')
            this.options.logger.log(`webhook delivery ${delivery.deliveryId} to ${delivery.url} failed for good: ${outcome.error}`);
          return;
        }
        if (batch.length < LANE_BATCH) return;
        await recordDelivered(this.sql, delivered.splice(0)); // before the next read, which would see them pending
      }
    } finally {
      if (lock.held) await recordDelivered(this.sql, delivered);
    }
  }
}
