export interface CreateSubscription {
  type: 'subscription.create';
  data: { subscriptionId: string; url: string; types: string[]; departmentId?: string; at: string };
}
export interface DeleteSubscription {
  type: 'subscription.delete';
  data: { at: string };
}

/** The route checks that the delivery is this subscription's and `failed`: the delivery state is the outbox's, not the stream's. */
export interface RetryDelivery {
  type: 'subscription.retry_delivery';
  data: { deliveryId: string; at: string };
}

export type SubscriptionCommand = CreateSubscription | DeleteSubscription | RetryDelivery;
