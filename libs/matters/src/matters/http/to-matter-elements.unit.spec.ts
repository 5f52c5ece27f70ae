import { plainToInstance } from 'class-transformer';
import { MatterElementsDto } from './matter-elements.dto';
import { toMatterChanges, toMatterElements } from './to-matter-elements';

describe('DTO → matter elements', () => {
  const body = plainToInstance(MatterElementsDto, {
    name: 'n',
    departmentId: 'd',
    regionCode: 'r',
    handlingType: 'promised',
    legalTimeLimit: null,
    promisedTimeLimit: { value: 3, unit: 'workday' },
    maxVisits: 0,
    channels: { online: true, mobile: false },
    materials: [{ name: 'form', electronic: true }],
    at: '2019-03-01T09:00:00+08:00',
  });

  it('gives plain JSON values, without `at`, with no exemptions by default', () => {
    const elements = toMatterElements(body);
    expect(elements).toEqual({
      name: 'n',
      departmentId: 'd',
      regionCode: 'r',
      handlingType: 'promised',
      legalTimeLimit: null,
      promisedTimeLimit: { value: 3, unit: 'workday' },
      maxVisits: 0,
      channels: { online: true, mobile: false },
      exemptions: {},
      materials: [{ name: 'form', electronic: true }],
    });
    expect(Object.getPrototypeOf(elements.channels)).toBe(Object.prototype);
  });

  it('names only the elements a revision carries (null included: no legal limit)', () => {
    expect(toMatterChanges({ maxVisits: 2, legalTimeLimit: null })).toEqual({ maxVisits: 2, legalTimeLimit: null });
  });
});
