import { DEFAULT_RETRY_SCHEDULE, type RetrySchedule } from '@app/notifications';
import type { AppConfig } from './app-config';

/** The webhook retry schedule of WEBHOOK_RETRY_BASE_MS and WEBHOOK_RETRY_HOURS (each wait capped at 10 minutes). */
export const webhookRetry = (config: AppConfig): RetrySchedule => ({
  ...DEFAULT_RETRY_SCHEDULE,
  baseMs: config.WEBHOOK_RETRY_BASE_MS,
  hours: config.WEBHOOK_RETRY_HOURS,
});
