import { assertNever, DomainError, type Decider } from '@app/kernel';
import type { CreateSubscription, SubscriptionCommand } from './subscription.commands';
import type { SubscriptionEvent } from './subscription.events';
import { isTypePattern } from './type-pattern';

export type SubscriptionState =
  | { status: 'none' }
  | { status: 'active'; subscriptionId: string; departmentId: string | null }
  | { status: 'deleted'; subscriptionId: string; departmentId: string | null };

/**
 * A webhook subscription: created with a receiver URL, type patterns and an optional department,
 * then deleted (terminal). Deliveries follow from the log (the outbox projection), not from here.
 */
export const subscriptionDecider: Decider<SubscriptionCommand, SubscriptionEvent, SubscriptionState> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'subscription.created':
        return { status: 'active', subscriptionId: event.data.subscriptionId, departmentId: event.data.departmentId };
      case 'subscription.deleted':
        return state.status === 'none' ? state : { ...state, status: 'deleted' };
      case 'subscription.delivery_retried':
        return state;
      default:
        return assertNever(event);
    }
  },
  decide(command, state) {
    switch (command.type) {
      case 'subscription.create':
        if (state.status !== 'none') throw new DomainError('already_exists', `subscription ${command.data.subscriptionId} exists`);
        return [{ type: 'subscription.created', data: created(command) }];
      case 'subscription.delete':
        if (state.status === 'none') throw new DomainError('not_found', 'no such subscription');
        if (state.status === 'deleted') throw new DomainError('illegal_transition', `subscription ${state.subscriptionId} is deleted`);
        return [{ type: 'subscription.deleted', data: { subscriptionId: state.subscriptionId, at: command.data.at } }];
      case 'subscription.retry_delivery':
        if (state.status === 'none') throw new DomainError('not_found', 'no such subscription');
        if (state.status === 'deleted') throw new DomainError('illegal_transition', `subscription ${state.subscriptionId} is deleted`);
        return [
          {
            type: 'subscription.delivery_retried',
            data: { subscriptionId: state.subscriptionId, deliveryId: command.data.deliveryId, at: command.data.at },
          },
        ];
      default:
        return assertNever(command);
    }
  },
};

function created({ data }: CreateSubscription) {
  const details = [...urlProblems(data.url), ...typeProblems(data.types)];
  if (details.length > 0) throw new DomainError('invalid_command', details.map((d) => `${d.field} ${d.message}`).join('; '), { details });
  return {
    subscriptionId: data.subscriptionId,
    url: data.url,
    types: [...data.types],
    departmentId: data.departmentId ?? null,
    at: data.at,
  };
}

function urlProblems(url: string) {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ field: 'url', message: 'must be an absolute http(s) URL' }];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [{ field: 'url', message: 'must be an absolute http(s) URL' }];
  if (parsed.username || parsed.password) return [{ field: 'url', message: 'must not carry credentials (deliveries are signed instead)' }];
  return [];
}

function typeProblems(types: readonly string[]) {
  if (types.length === 0) return [{ field: 'types', message: 'must name at least one pattern' }];
  const bad = types.filter((type) => !isTypePattern(type));
  if (bad.length > 0) return [{ field: 'types', message: `not a pattern (an event type, a prefix ending in .*, or *): ${bad.join(', ')}` }];
  if (new Set(types).size !== types.length) return [{ field: 'types', message: 'must not repeat a pattern' }];
  return [];
}
