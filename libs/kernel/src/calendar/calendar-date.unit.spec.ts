import { addDays, dayOfWeek, fromDayNumber, isCalendarDate, toDayNumber } from './calendar-date';

describe('calendar dates', () => {
  it('round-trips day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(fromDayNumber(toDayNumber('2019-10-01'))).toBe('2019-10-01');
    for (let day = toDayNumber('2018-12-01'); day < toDayNumber('2027-02-01'); day += 1) expect(toDayNumber(fromDayNumber(day))).toBe(day);
  });

  it('knows leap years', () => {
    expect(isCalendarDate('2020-02-29')).toBe(true);
    expect(isCalendarDate('2019-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2019-12-31', 1)).toBe('2020-01-01');
  });

  it('knows weekdays', () => {
    expect(dayOfWeek('2019-10-01')).toBe(2); // Tuesday
    expect(dayOfWeek('2026-01-04')).toBe(0); // Sunday
  });
});
