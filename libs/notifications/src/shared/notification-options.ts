import type { RetrySchedule } from '../domain';

export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');

export interface NotificationOptions {
  /** whether this process sends (where the projections run) */
  runDispatcher: boolean;
  retry: RetrySchedule;
  /** WEBHOOK_ALLOWED_HOSTS, parsed (see `hostAllowed`) */
  allowedHosts: readonly string[];
}
