import { foldEvents } from '@app/kernel';
import { DomainError } from '@app/kernel';
import { matterDecider } from './matter.decider';
import type { MatterEvent } from './matter.events';
import {
  LATER,
  given,
  matterId,
  published,
  refusedWith,
  registered,
  resume,
  retire,
  retired,
  suspend,
  suspended,
} from './matter.test-fixtures';

describe('matter decider — suspend, resume, retire', () => {
  describe('suspend, resume, retire', () => {
    it('suspends a published matter', () => {
      given([registered, published]).when(suspend).then([suspended]);
    });
    it('refuses to suspend a draft, a suspended or a retired matter', () => {
      given([registered])
        .when(suspend)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot suspend a matter in state draft'));
      given([registered, published, suspended]).when(suspend).thenThrows(DomainError, refusedWith('illegal_transition', 'state suspended'));
      given([registered, published, retired]).when(suspend).thenThrows(DomainError, refusedWith('illegal_transition', 'state retired'));
    });
    it('refuses a suspension without reason', () => {
      given([registered, published])
        .when({ type: 'matter.suspend', data: { reason: ' ', effectiveFrom: '2019-06-01', at: LATER } })
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
    it('refuses a suspension dated before the publication took effect', () => {
      given([registered, published])
        .when({ type: 'matter.suspend', data: { reason: 'x', effectiveFrom: '2019-02-01', at: LATER } })
        .thenThrows(DomainError, refusedWith('out_of_order'));
    });
    it('resumes a suspended matter', () => {
      given([registered, published, suspended])
        .when(resume)
        .then([{ type: 'matter.resumed', data: { matterId, effectiveFrom: '2019-06-10', at: LATER } }]);
    });
    it('refuses to resume a matter that is not suspended', () => {
      given([registered, published])
        .when(resume)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot resume a matter in state published'));
      given([registered]).when(resume).thenThrows(DomainError, refusedWith('illegal_transition', 'state draft'));
    });
    it.each([
      ['draft', [registered]],
      ['published', [registered, published]],
      ['suspended', [registered, published, suspended]],
    ] as [string, MatterEvent[]][])('retires a %s matter', (_state, events) => {
      given(events).when(retire).then([retired]);
    });
    it('refuses to retire twice', () => {
      given([registered, published, retired])
        .when(retire)
        .thenThrows(DomainError, refusedWith('illegal_transition', 'cannot retire a matter in state retired'));
    });
  });

  describe('evolve', () => {
    it('keeps the status history for as-of queries', () => {
      const resumed: MatterEvent = { type: 'matter.resumed', data: { matterId, effectiveFrom: '2019-06-10', at: LATER } };
      const state = foldEvents(matterDecider, [registered, published, suspended, resumed]);
      expect(state.status).toBe('published');
      if (state.status !== 'published') return;
      expect(state.history.statusPeriods.map((p) => `${p.status}@${p.from}`)).toEqual([
        'published@2019-03-01',
        'suspended@2019-06-01',
        'published@2019-06-10',
      ]);
      expect(state.latest.version).toBe(1);
    });
  });
});
