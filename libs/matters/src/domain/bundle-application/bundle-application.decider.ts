import { DomainError, type Decider } from '@app/kernel';
import type { BundleApplicationCommand, BundleApplicationEvent, BundleApplicationState } from './bundle-application.messages';

/** The bundle application aggregate: submitted once, with the member applications it made (decided beside it). */
export const bundleApplicationDecider: Decider<BundleApplicationCommand, BundleApplicationEvent, BundleApplicationState> = {
  initialState: () => ({ status: 'none' }),
  evolve: (_state, { data }) => ({
    status: 'submitted',
    bundleApplicationId: data.bundleApplicationId,
    bundleId: data.bundleId,
    members: data.members,
  }),
  decide(command, state) {
    const { bundleApplicationId, bundleId, bundle, members, channel, at } = command.data;
    if (state.status !== 'none') throw new DomainError('already_exists', `bundle application ${bundleApplicationId} exists already`);
    if (!bundle)
      throw new DomainError('not_found', `no bundle ${bundleId}`, { details: [{ field: 'bundleId', message: 'unknown bundle' }] });
    if (members.length < 2) throw new DomainError('illegal_transition', `bundle ${bundleId} has fewer than 2 members`);
    const data = { bundleApplicationId, bundleId, bundleVersion: bundle.version, bundleCode: bundle.code, members, channel, at };
    return [{ type: 'bundle-application.submitted', data }];
  },
};
