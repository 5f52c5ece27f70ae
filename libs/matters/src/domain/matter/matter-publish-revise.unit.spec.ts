import { DomainError } from '@app/kernel';
import type { MatterElements } from '../matter-elements';
import type { MatterEvent } from './matter.events';
import {
  AT,
  LATER,
  elements,
  given,
  matterId,
  publish,
  published,
  refusedWith,
  registered,
  retired,
  revise,
  suspended,
} from './matter.test-fixtures';

describe('matter decider — publish and revise', () => {
  describe('publish', () => {
    it('publishes a draft as version 1 in force from the effective date', () => {
      given([registered]).when(publish).then([published]);
    });
    it.each([
      ['published', [registered, published]],
      ['suspended', [registered, published, suspended]],
      ['retired', [registered, published, retired]],
    ] as [string, MatterEvent[]][])('refuses to publish a %s matter, naming state and command', (state, events) => {
      given(events)
        .when(publish)
        .thenThrows(DomainError, refusedWith('illegal_transition', `cannot publish a matter in state ${state}`));
    });
    it('refuses an unregistered matter', () => {
      given([]).when(publish).thenThrows(DomainError, refusedWith('not_found'));
    });
    it('refuses a malformed effective date', () => {
      given([registered])
        .when({ type: 'matter.publish', data: { effectiveFrom: '2019-02-30', at: AT } })
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
    it('refuses business time going backwards', () => {
      given([registered])
        .when({ type: 'matter.publish', data: { effectiveFrom: '2019-03-01', at: '2019-02-01T09:00:00+08:00' } })
        .thenThrows(DomainError, refusedWith('out_of_order'));
    });
  });

  describe('revise', () => {
    it('creates version 2 with the changed elements and the whole new elements', () => {
      given([registered, published])
        .when(revise({ maxVisits: 1, name: elements.name }))
        .then([
          {
            type: 'matter.revised',
            data: {
              matterId,
              version: 2,
              effectiveFrom: '2019-07-01',
              changes: { maxVisits: 1 },
              elements: { ...elements, maxVisits: 1 },
              at: LATER,
            },
          },
        ]);
    });
    it('numbers further revisions on', () => {
      const v2: MatterEvent = {
        type: 'matter.revised',
        data: {
          matterId,
          version: 2,
          effectiveFrom: '2019-07-01',
          changes: { maxVisits: 1 },
          elements: { ...elements, maxVisits: 1 },
          at: LATER,
        },
      };
      given([registered, published, v2])
        .when(revise({ maxVisits: 2 }, '2019-07-01'))
        .then([
          {
            type: 'matter.revised',
            data: {
              matterId,
              version: 3,
              effectiveFrom: '2019-07-01',
              changes: { maxVisits: 2 },
              elements: { ...elements, maxVisits: 2 },
              at: LATER,
            },
          },
        ]);
    });
    it('revises a suspended matter', () => {
      given([registered, published, suspended])
        .when(revise({ maxVisits: 1 }))
        .then([
          {
            type: 'matter.revised',
            data: {
              matterId,
              version: 2,
              effectiveFrom: '2019-07-01',
              changes: { maxVisits: 1 },
              elements: { ...elements, maxVisits: 1 },
              at: LATER,
            },
          },
        ]);
    });
    it('refuses to revise a draft or a retired matter', () => {
      given([registered])
        .when(revise({ maxVisits: 1 }))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state draft'));
      given([registered, published, retired])
        .when(revise({ maxVisits: 1 }))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state retired'));
    });
    it('refuses a revision that changes nothing or names an unknown element', () => {
      given([registered, published])
        .when(revise({ maxVisits: 0 }))
        .thenThrows(DomainError, refusedWith('invalid_command'));
      given([registered, published])
        .when(revise({ colour: 'red' } as Partial<MatterElements>))
        .thenThrows(DomainError, refusedWith('invalid_command'));
    });
    it('validates the merged elements', () => {
      given([registered, published])
        .when(revise({ handlingType: 'instant' }))
        .thenThrows(DomainError, refusedWith('invalid_elements'));
    });
    it('refuses an effective date before the latest version', () => {
      given([registered, published])
        .when(revise({ maxVisits: 1 }, '2019-02-01'))
        .thenThrows(DomainError, refusedWith('out_of_order'));
    });
  });
});
