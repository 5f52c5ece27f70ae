import { dayOfWeek, datesFromTo, isCalendarDate, isWeekend } from './calendar-date';
import { CHINA_HOLIDAY_YEARS } from './years';

describe('holiday data files', () => {
  it('cover 2019 through 2026, one file per year', () => {
    expect(CHINA_HOLIDAY_YEARS.map((y) => y.year)).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
  });

  describe.each(CHINA_HOLIDAY_YEARS.map((y) => [y.year, y] as const))('%i', (_year, data) => {
    it('has valid dates and spans in order', () => {
      for (const span of data.holidays) {
        expect(isCalendarDate(span.from) && isCalendarDate(span.to)).toBe(true);
        expect(span.from <= span.to).toBe(true);
      }
      for (const date of data.makeUpWorkdays) expect(isCalendarDate(date)).toBe(true);
    });

    it('lists only weekend dates as make-up working days', () => {
      for (const date of data.makeUpWorkdays) expect({ date, weekend: isWeekend(date) }).toEqual({ date, weekend: true });
    });

    it('never lists a date both off and on', () => {
      const off = new Set(data.holidays.flatMap((span) => datesFromTo(span.from, span.to)));
      for (const date of data.makeUpWorkdays) expect(off.has(date)).toBe(false);
    });

    it('has a National Day holiday that includes 1 October', () => {
      expect(data.holidays.some((span) => span.from <= `${data.year}-10-01` && `${data.year}-10-01` <= span.to)).toBe(true);
    });
  });

  it('2019-09-29 is a Sunday and 2019-10-12 a Saturday', () => {
    expect(dayOfWeek('2019-09-29')).toBe(0);
    expect(dayOfWeek('2019-10-12')).toBe(6);
  });
});
