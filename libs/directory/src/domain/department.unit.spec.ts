import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import { departmentDecider } from './department.decider';
import type { DepartmentCommand, DepartmentEvent, DepartmentFacts } from './department.messages';

const given = DeciderSpecification.for(departmentDecider);
const at = '2019-01-02T09:00:00+08:00';
const market: DepartmentFacts = { departmentId: 'scjg', name: '市场监督管理局', shortName: '市场监管局', regionCode: '330600' };
const put = (facts: Partial<DepartmentFacts> = {}, regionKnown = true): DepartmentCommand => ({
  type: 'department.put',
  data: { ...market, ...facts, regionKnown, at },
});
const registered: DepartmentEvent = { type: 'department.registered', data: { ...market, at } };
const invalidIn = (field: string) => (error: DomainError) =>
  error.code === 'invalid_command' && error.kind === 'invalid' && error.details.some((detail) => detail.field === field);

describe('department decider', () => {
  it('registers an unknown department', () => {
    given([]).when(put()).then([registered]);
  });
  it('changes a registered one, carrying all its facts', () => {
    given([registered])
      .when(put({ regionCode: '330683', name: '嵊州市市场监督管理局' }))
      .then([{ type: 'department.changed', data: { ...market, regionCode: '330683', name: '嵊州市市场监督管理局', at } }]);
  });
  it('changes nothing when the facts are the same', () => {
    given([registered])
      .when(put({ name: '市场监督管理局 ' }))
      .then([]);
  });
  it('refuses a region the directory does not name (the lookup arrives in the command)', () => {
    given([]).when(put({}, false)).thenThrows(DomainError, invalidIn('regionCode'));
  });
  it('refuses a malformed region code, a blank name or short name, and a malformed id, naming each field', () => {
    given([])
      .when(put({ regionCode: 'x' }))
      .thenThrows(DomainError, invalidIn('regionCode'));
    given([])
      .when(put({ name: '' }))
      .thenThrows(DomainError, invalidIn('name'));
    given([])
      .when(put({ shortName: ' ' }))
      .thenThrows(DomainError, invalidIn('shortName'));
    given([])
      .when(put({ departmentId: 'Dept Market' }))
      .thenThrows(DomainError, invalidIn('departmentId'));
  });
});
