import { scopedDecider } from '@app/event-store';
import { DomainError } from '@app/kernel';
import { matterDecider, type MatterState } from '../domain/matter';
import { publish, published, register, registered } from '../domain/matter/matter.test-fixtures';
import { matters } from './matter.aggregate';

const matterDeciderFor = (who: ReturnType<typeof actor>) => scopedDecider(matters, who, 'm-1');

const stateAfter = (...events: (typeof registered)[]): MatterState => events.reduce(matterDecider.evolve, matterDecider.initialState());
const actor = (departmentId?: string, roles: string[] = ['catalog_admin']) => ({ userId: 'u', roles, departmentId });
const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? { code: error.code, kind: error.kind } : error;
  }
  return undefined;
};

/** The department scope rule of the one command path (scopedDecider), as it applies to matters. */
describe('the matter aggregate in a caller’s scope', () => {
  it('decides as the plain decider for admin and for actors without a department', () => {
    for (const who of [actor(undefined), actor('dept-tax', ['admin'])]) {
      const decider = matterDeciderFor(who);
      expect(decider.decide(publish, stateAfter(registered))).toEqual(matterDecider.decide(publish, stateAfter(registered)));
      expect(decider.decide(register(), stateAfter())).toEqual(matterDecider.decide(register(), stateAfter()));
    }
  });

  it('lets a department administrator work on its own matters', () => {
    const decider = matterDeciderFor(actor('dept-market'));
    expect(decider.decide(register(), stateAfter())).toHaveLength(1);
    expect(decider.decide(publish, stateAfter(registered))[0].type).toBe('matter.published');
  });

  it("hides another department's matter (not found) and refuses to register or revise into another department (forbidden)", () => {
    const decider = matterDeciderFor(actor('dept-tax'));
    expect(refusal(() => decider.decide(publish, stateAfter(registered, published)))).toEqual({ code: 'not_found', kind: 'not_found' });
    expect(refusal(() => decider.decide(register(), stateAfter()))).toEqual({ code: 'forbidden', kind: 'forbidden' });
    const own = matterDeciderFor(actor('dept-market'));
    const move = {
      type: 'matter.revise' as const,
      data: { changes: { departmentId: 'dept-tax' }, effectiveFrom: '2019-07-01', at: '2019-06-01T09:00:00+08:00' },
    };
    expect(refusal(() => own.decide(move, stateAfter(registered, published)))).toEqual({ code: 'forbidden', kind: 'forbidden' });
  });
});
