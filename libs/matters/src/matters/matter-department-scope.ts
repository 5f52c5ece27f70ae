import type { Decider } from '@app/kernel';
import type { CommandContext } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { matterDecider, type MatterCommand, type MatterEvent, type MatterState } from '../domain/matter';

type MatterDecider = Decider<MatterCommand, MatterEvent, MatterState>;

/** The department a matter belongs to now, or undefined for a draft retired without elements. */
export function departmentOfMatter(state: MatterState): string | undefined {
  if (state.status === 'none') return undefined;
  if (state.status === 'draft') return state.elements.departmentId;
  return state.latest?.elements.departmentId;
}

/**
 * The matter decider as seen by one actor. A catalogue administrator whose token names a
 * department works on that department's matters only: another department's matter is not found
 * for it (as for reads), and it may not register or revise a matter into another department.
 * `admin` and actors without a department see every matter.
 */
export function matterDeciderFor(actor: CommandContext['actor']): MatterDecider {
  const department = actor.roles.includes('admin') ? undefined : actor.departmentId;
  if (!department) return matterDecider;
  return {
    ...matterDecider,
    decide(command, state) {
      const owner = departmentOfMatter(state);
      if (owner !== undefined && owner !== department) throw new DomainError('not_found', 'no such matter in your department');
      const events = matterDecider.decide(command, state);
      if (events.some((event) => 'elements' in event.data && event.data.elements.departmentId !== department))
        throw new DomainError('forbidden', `your token is scoped to department ${department}`, {
          details: [{ field: 'departmentId', message: `must be ${department}` }],
        });
      return events;
    },
  };
}
