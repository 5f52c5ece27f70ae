import { elementsOn } from './matter-revisions';
import { numeratorFor } from './exact-counts';
import type { Rng } from './rng';
import type { ApplicationPlan, MatterPlan } from './scenario-plan';

/**
 * Moves accepted applications between the window and the web portal (where the matter allows
 * it) until exactly the numerator of `rate` over the accepted ones arrived online or on mobile.
 */
export function applicationChannelsFixed(rng: Rng, plans: ApplicationPlan[], matters: MatterPlan[], rate: number): void {
  const byKey = new Map(matters.map((matter) => [matter.key, matter]));
  const accepted = plans.filter((plan) => plan.steps.some((step) => step.type === 'application.accept'));
  const wanted = numeratorFor(rate, accepted.length);
  if (wanted === null) throw new RangeError(`${rate}% cannot be hit over ${accepted.length} accepted applications`);
  const online = accepted.filter((plan) => plan.channel !== 'window');
  const movable = (channel: 'window' | 'online') =>
    rng.shuffle(
      accepted.filter(
        (plan) => plan.channel === channel && elementsOn(byKey.get(plan.matterKey)!, plan.submitAt.slice(0, 10)).channels.online,
      ),
    );
  const delta = wanted - online.length;
  const moved = movable(delta > 0 ? 'window' : 'online').slice(0, Math.abs(delta));
  if (moved.length < Math.abs(delta)) throw new Error('not enough applications to move between channels');
  for (const plan of moved) {
    plan.channel = delta > 0 ? 'online' : 'window';
    for (const step of plan.steps) if (step.type === 'application.deliver') step.data.method = delta > 0 ? 'online' : 'window';
  }
}
