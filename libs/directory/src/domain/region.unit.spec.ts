import { DeciderSpecification } from '@event-driven-io/emmett';
import { DomainError } from '@app/kernel';
import { regionDecider } from './region.decider';
import type { RegionCommand, RegionEvent } from './region.messages';

const given = DeciderSpecification.for(regionDecider);
const at = '2019-01-02T09:00:00+08:00';
const put = (name: string, code = '330683'): RegionCommand => ({ type: 'region.put', data: { code, name, at } });
const named = (name: string): RegionEvent => ({ type: 'region.named', data: { code: '330683', name, at } });
const invalidIn = (field: string) => (error: DomainError) =>
  error.code === 'invalid_command' && error.kind === 'invalid' && error.details.some((detail) => detail.field === field);

describe('region decider (行政区划)', () => {
  it('names an unknown region', () => {
    given([])
      .when(put('嵊州市'))
      .then([named('嵊州市')]);
  });
  it('renames a named region, keeping the previous name', () => {
    given([named('嵊县')])
      .when(put('嵊州市'))
      .then([{ type: 'region.renamed', data: { code: '330683', name: '嵊州市', previousName: '嵊县', at } }]);
  });
  it('changes nothing when the name is the same (blanks around it trimmed)', () => {
    given([named('嵊州市')])
      .when(put(' 嵊州市 '))
      .then([]);
  });
  it('refuses a code that is not six digits, naming the field', () => {
    given([]).when(put('嵊州市', '33068')).thenThrows(DomainError, invalidIn('code'));
  });
  it('refuses a blank name, naming the field', () => {
    given([]).when(put('  ')).thenThrows(DomainError, invalidIn('name'));
  });
});
