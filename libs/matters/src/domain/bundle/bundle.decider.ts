import { assertNever, assertNotBefore, DomainError, type Decider } from '@app/kernel';
import { checkMembers } from './bundle-members.rules';
import type { BundleCommand, BundleEvent, BundleState } from './bundle.messages';

function decideBundle(command: BundleCommand, state: BundleState): BundleEvent[] {
  switch (command.type) {
    case 'bundle.define': {
      const { bundleId, code, name, members, codeTaken, at } = command.data;
      if (state.status !== 'none') throw new DomainError('already_exists', `bundle ${bundleId} exists already`);
      if (codeTaken)
        throw new DomainError('duplicate_code', `bundle code ${code} is taken`, { details: [{ field: 'code', message: 'taken' }] });
      return [{ type: 'bundle.defined', data: { bundleId, code, name, version: 1, members: checkMembers(members), at } }];
    }
    case 'bundle.revise': {
      if (state.status === 'none') throw new DomainError('not_found', 'no such bundle');
      const { at } = command.data;
      assertNotBefore(at, state.lastAt, 'the revision');
      const name = command.data.name ?? state.name;
      const members = checkMembers(command.data.members);
      return [{ type: 'bundle.revised', data: { bundleId: state.bundleId, name, version: state.version + 1, members, at } }];
    }
    default:
      return assertNever(command, 'bundle command');
  }
}

function evolveBundle(state: BundleState, event: BundleEvent): BundleState {
  switch (event.type) {
    case 'bundle.defined': {
      const { bundleId, code, name, version, members, at } = event.data;
      return { status: 'defined', bundleId, code, name, version, members, lastAt: at };
    }
    case 'bundle.revised':
      if (state.status === 'none') return state;
      return { ...state, name: event.data.name, version: event.data.version, members: event.data.members, lastAt: event.data.at };
    default:
      return assertNever(event, 'bundle event');
  }
}

/** The bundle aggregate (一件事 in the catalogue): defined at version 1, each revision the next version. */
export const bundleDecider: Decider<BundleCommand, BundleEvent, BundleState> = {
  initialState: () => ({ status: 'none' }),
  evolve: evolveBundle,
  decide: decideBundle,
};
