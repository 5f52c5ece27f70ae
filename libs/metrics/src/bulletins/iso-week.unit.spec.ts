import { isoWeekDates, isoWeekOf } from './iso-week';

describe('ISO weeks', () => {
  it('gives Monday..Sunday of a week and the week of a date', () => {
    expect(isoWeekDates('2019-W44')).toEqual({ from: '2019-10-28', to: '2019-11-03' });
    expect(isoWeekDates('2019-W01')).toEqual({ from: '2018-12-31', to: '2019-01-06' });
    expect(isoWeekDates('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(isoWeekOf('2019-10-31')).toBe('2019-W44');
    expect(isoWeekOf('2021-01-03')).toBe('2020-W53');
  });

  it('refuses weeks that do not exist', () => {
    expect(isoWeekDates('2019-W53')).toBeNull();
    expect(isoWeekDates('2019-W00')).toBeNull();
    expect(isoWeekDates('2019-44')).toBeNull();
  });
});
