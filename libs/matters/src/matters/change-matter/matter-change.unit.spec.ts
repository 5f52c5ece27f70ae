import { toMatterCommand } from './matter-change';

describe('toMatterCommand', () => {
  it('dates suspend, resume and retire by the business date of `at` in the city’s zone', () => {
    const at = '2019-08-01T01:00:00+08:00'; // still 31 July in UTC
    expect(toMatterCommand({ type: 'matter.suspend', reason: 'review' }, at, 'Asia/Shanghai')).toEqual({
      type: 'matter.suspend',
      data: { reason: 'review', effectiveFrom: '2019-08-01', at },
    });
    expect(toMatterCommand({ type: 'matter.resume' }, at, 'UTC').data).toEqual({ effectiveFrom: '2019-07-31', at });
    expect(toMatterCommand({ type: 'matter.retire', reason: 'gone' }, at, 'Asia/Shanghai').data).toMatchObject({
      effectiveFrom: '2019-08-01',
    });
  });

  it('takes publish and revision dates from the client', () => {
    const at = '2019-06-15T09:00:00+08:00';
    expect(toMatterCommand({ type: 'matter.publish', effectiveFrom: '2019-03-01' }, at, 'Asia/Shanghai').data).toEqual({
      effectiveFrom: '2019-03-01',
      at,
    });
    expect(
      toMatterCommand({ type: 'matter.revise', changes: { maxVisits: 1 }, effectiveFrom: '2019-07-01' }, at, 'Asia/Shanghai').data,
    ).toEqual({
      changes: { maxVisits: 1 },
      effectiveFrom: '2019-07-01',
      at,
    });
  });
});
