/** Events of a subscription stream (`subscription-<uuid>`). The signing secret is never in them: it is kept outside the log. */
export interface SubscriptionCreated {
  type: 'subscription.created';
  data: { subscriptionId: string; url: string; types: string[]; departmentId: string | null; at: string };
}
export interface SubscriptionDeleted {
  type: 'subscription.deleted';
  data: { subscriptionId: string; at: string };
}

/** An administrator sent a `failed` delivery again (a new round of retries); the outbox projection puts it back in the queue. */
export interface DeliveryRetried {
  type: 'subscription.delivery_retried';
  data: { subscriptionId: string; deliveryId: string; at: string };
}

export type SubscriptionEvent = SubscriptionCreated | SubscriptionDeleted | DeliveryRetried;

export const SUBSCRIPTION_EVENT_TYPES: readonly SubscriptionEvent['type'][] = [
  'subscription.created',
  'subscription.deleted',
  'subscription.delivery_retried',
];
