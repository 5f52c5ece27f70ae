import { percentRate } from './rate';
import { reportDates } from './report-dates';

describe('percentRate', () => {
  it('rounds half-up to two decimals of a percent', () => {
    expect(percentRate(6294, 6334)).toBe(99.37);
    expect(percentRate(6324, 6334)).toBe(99.84);
    expect(percentRate(5866, 6334)).toBe(92.61);
    expect(percentRate(1, 8)).toBe(12.5);
    expect(percentRate(19873, 20000)).toBe(99.37); // 99.365 exactly → up
    expect(percentRate(0, 5)).toBe(0);
    expect(percentRate(5, 5)).toBe(100);
  });

  it('is null when nothing is measured', () => {
    expect(percentRate(0, 0)).toBeNull();
  });
});

describe('reportDates', () => {
  it('defaults asOf to today and the period to the year through asOf', () => {
    expect(reportDates({}, '2019-10-31')).toEqual({ asOf: '2019-10-31', period: { from: '2019-01-01', to: '2019-10-31' } });
    expect(reportDates({ asOf: '2019-06-30' }, '2020-01-05')).toEqual({
      asOf: '2019-06-30',
      period: { from: '2019-01-01', to: '2019-06-30' },
    });
    expect(reportDates({ from: '2019-05-01', to: '2019-04-01' }, '2019-10-31')).toBeNull();
  });
});
