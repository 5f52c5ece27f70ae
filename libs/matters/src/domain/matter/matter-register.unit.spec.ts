import { DomainError } from '@app/kernel';
import type { MatterElements } from '../matter-elements';
import type { MatterCommand } from './matter.commands';
import type { MatterEvent } from './matter.events';
import { elements, given, refusedWith, register, registered } from './matter.test-fixtures';

describe('matter decider — register', () => {
  it('registers a draft with its code and elements', () => {
    given([]).when(register()).then([registered]);
  });
  it('refuses a second registration of the same stream', () => {
    given([registered]).when(register()).thenThrows(DomainError, refusedWith('already_exists'));
  });
  it('refuses a code another matter uses (looked up by the handler)', () => {
    given([]).when(register({}, true)).thenThrows(DomainError, refusedWith('duplicate_code'));
  });
  it('refuses a code with spaces and an `at` without offset', () => {
    given([])
      .when({ ...register(), data: { ...register().data, code: 'SX 1' } } as MatterCommand)
      .thenThrows(DomainError, refusedWith('invalid_command'));
    given([])
      .when({ ...register(), data: { ...register().data, at: '2019-03-01T09:00:00' } } as MatterCommand)
      .thenThrows(DomainError, refusedWith('invalid_command'));
  });
  it.each<[string, Partial<MatterElements>, string]>([
    ['promised above legal (in working days: 1 month = 22 > 20)', { promisedTimeLimit: { value: 1, unit: 'month' } }, 'promisedTimeLimit'],
    ['an instant matter with a promised limit', { handlingType: 'instant' }, 'promisedTimeLimit'],
    ['a promised matter with limit 0', { promisedTimeLimit: { value: 0, unit: 'workday' } }, 'handlingType'],
    ['an exemption without reason', { exemptions: { zeroVisit: { reason: '  ' } } }, 'exemptions.zeroVisit.reason'],
    ['a material without name', { materials: [{ name: '', electronic: false }] }, 'materials[0].name'],
    ['maxVisits 10', { maxVisits: 10 }, 'maxVisits'],
    ['maxVisits 1.5', { maxVisits: 1.5 }, 'maxVisits'],
    ['a negative limit', { legalTimeLimit: { value: -1, unit: 'workday' } }, 'legalTimeLimit.value'],
  ])('refuses %s', (_what, overrides, field) => {
    given([])
      .when(register(overrides))
      .thenThrows(
        DomainError,
        (error: DomainError) =>
          error.code === 'invalid_elements' && error.kind === 'invalid' && error.details.some((d) => d.field === field),
      );
  });
  it('accepts an instant matter with promised 0 and a legal limit in months', () => {
    const instant = {
      handlingType: 'instant' as const,
      promisedTimeLimit: { value: 0, unit: 'workday' as const },
      legalTimeLimit: { value: 1, unit: 'month' as const },
    };
    given([])
      .when(register(instant))
      .then([{ ...registered, data: { ...registered.data, elements: { ...elements, ...instant } } } as MatterEvent]);
  });
});
