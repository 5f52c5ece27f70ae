/** libs/notifications' public surface: webhook subscriptions, the outbox projection and its dispatcher. */
export * from './domain';
export * from './notifications.module';
export { outboxProjection, OUTBOX_PROJECTION, deliveryIdOf } from './outbox/outbox.projection';
export { WebhookDispatcher, DISPATCH_LOCK_KEY, type DispatcherOptions } from './delivery/webhook-dispatcher';
export { registerWebhookGauges } from './delivery/webhook-gauges';
export { Notifications1765100000000 } from './shared/notifications.migration';
export { subscriptionStreamId } from './shared/notification-streams';
export { DELIVERIES_TABLE } from './shared/notification-tables';

import { Notifications1765100000000 } from './shared/notifications.migration';
import { WebhookEventBodies1765400000000 } from './shared/event-bodies.migration';
export const notificationMigrations: Function[] = [Notifications1765100000000, WebhookEventBodies1765400000000];
