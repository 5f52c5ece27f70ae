import type { Aggregate } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { subscriptionDecider, type SubscriptionCommand, type SubscriptionEvent, type SubscriptionState } from '../domain';
import { subscriptionStreamId } from '../shared/notification-streams';

/**
 * Webhook subscriptions on the one command path (`subscription-<uuid>` streams). Administrators'
 * business: no department owns one, even one filtered to a department.
 */
export const subscriptions: Aggregate<SubscriptionCommand, SubscriptionEvent, SubscriptionState> = {
  name: 'subscription',
  decider: subscriptionDecider,
  streamId: subscriptionStreamId,
  departmentOf: () => undefined,
  authorize(actor) {
    if (!actor.roles.includes('admin')) throw new DomainError('forbidden', 'only an administrator manages subscriptions');
  },
};
