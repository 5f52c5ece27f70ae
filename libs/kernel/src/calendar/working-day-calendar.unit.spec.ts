import { addDays, datesFromTo } from './calendar-date';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = new WorkingDayCalendar();

describe('WorkingDayCalendar — 2019 (shared/domain.md)', () => {
  it('takes the National Day week off, 1–7 October', () => {
    for (let day = 1; day <= 7; day += 1) expect(calendar.isWorkingDay(`2019-10-0${day}`)).toBe(false);
  });

  it('works the make-up days around National Day: Sunday 29 September and Saturday 12 October', () => {
    expect(calendar.isWorkingDay('2019-09-29')).toBe(true);
    expect(calendar.isWorkingDay('2019-10-12')).toBe(true);
    expect(calendar.isWorkingDay('2019-10-13')).toBe(false); // an ordinary Sunday
    expect(calendar.isWorkingDay('2019-10-08')).toBe(true);
  });

  it('works the make-up Sundays 3 February and 5 May, and Saturdays 2 February and 28 April', () => {
    for (const date of ['2019-02-02', '2019-02-03', '2019-04-28', '2019-05-05']) expect(calendar.isWorkingDay(date)).toBe(true);
  });

  it('takes the single-day holidays off and keeps ordinary weekdays and weekends', () => {
    for (const date of ['2019-01-01', '2019-04-05', '2019-05-01', '2019-05-04', '2019-06-07', '2019-09-13', '2019-02-04', '2019-02-10'])
      expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.isWorkingDay('2019-09-27')).toBe(true); // Friday
    expect(calendar.isWorkingDay('2019-09-28')).toBe(false); // Saturday
  });

  it('counts 19 working days in October 2019 (23 weekdays − 5 weekday holidays + Saturday 12 October)', () => {
    expect(calendar.workingDaysBetween('2019-09-30', '2019-10-31')).toBe(19);
  });
});

describe('addWorkingDays: the Nth working day after a date', () => {
  it('returns the date itself for n = 0', () => {
    expect(calendar.addWorkingDays('2019-10-03', 0)).toBe('2019-10-03');
  });

  it('crosses the National Day holiday: accepted Friday 27 Sep 2019, 5 working days', () => {
    // Sun 29 Sep (make-up), Mon 30 Sep, [1–7 Oct off], Tue 8, Wed 9, Thu 10
    expect(calendar.addWorkingDays('2019-09-27', 5)).toBe('2019-10-10');
  });

  it('crosses the Spring Festival 2019: accepted Friday 1 Feb, 3 working days', () => {
    // Sat 2 Feb, Sun 3 Feb (make-up), [4–10 off], Mon 11 Feb
    expect(calendar.addWorkingDays('2019-02-01', 3)).toBe('2019-02-11');
  });

  it('counts from a non-working day: accepted on 1 Oct 2019, the first working day after is 8 Oct', () => {
    expect(calendar.addWorkingDays('2019-10-01', 1)).toBe('2019-10-08');
  });

  it('refuses negative or fractional n', () => {
    expect(() => calendar.addWorkingDays('2019-10-01', -1)).toThrow(RangeError);
    expect(() => calendar.addWorkingDays('2019-10-01', 1.5)).toThrow(RangeError);
  });

  it('is the inverse of workingDaysBetween', () => {
    for (const [date, n] of [
      ['2019-09-20', 10],
      ['2019-12-30', 250],
      ['2020-01-20', 22],
    ] as const) {
      const end = calendar.addWorkingDays(date, n);
      expect(calendar.workingDaysBetween(date, end)).toBe(n);
    }
  });
});

describe('workingDaysBetween: the working days in (S, E]', () => {
  it('excludes S and includes E', () => {
    expect(calendar.workingDaysBetween('2019-09-23', '2019-09-27')).toBe(4); // Tue..Fri
  });
  it('is 0 for an empty range', () => {
    expect(calendar.workingDaysBetween('2019-09-27', '2019-09-27')).toBe(0);
    expect(calendar.workingDaysBetween('2019-09-27', '2019-09-20')).toBe(0);
  });
  it('counts the make-up Sunday and skips the holiday week', () => {
    expect(calendar.workingDaysBetween('2019-09-27', '2019-10-08')).toBe(3); // 29 Sep, 30 Sep, 8 Oct
  });
  it('equals counting isWorkingDay day by day, for every pair of dates of a span across years (holidays, make-up days, uncovered years)', () => {
    const dates = datesFromTo('2019-09-01', '2020-02-29').filter((_, i) => i % 3 === 0);
    dates.push('2018-12-28', '2019-01-02', '2031-06-01', '2031-07-01');
    for (const from of dates)
      for (const to of dates) {
        const byDay = to <= from ? 0 : datesFromTo(addDays(from, 1), to).filter((date) => calendar.isWorkingDay(date)).length;
        if (calendar.workingDaysBetween(from, to) !== byDay)
          throw new Error(`(${from}, ${to}]: ${calendar.workingDaysBetween(from, to)} ≠ ${byDay}`);
      }
  });
  it('refuses what is not a calendar date', () => {
    expect(() => calendar.workingDaysBetween('2019-02-30', '2019-03-05')).toThrow(RangeError);
    expect(() => calendar.workingDaysBetween('2019-03-01', '2019-3-5')).toThrow(RangeError);
  });
});

describe('other years', () => {
  it('2020: the Spring Festival was extended to 2 February, so 1 February is no longer a make-up day', () => {
    expect(calendar.isWorkingDay('2020-01-19')).toBe(true);
    expect(calendar.isWorkingDay('2020-01-31')).toBe(false);
    expect(calendar.isWorkingDay('2020-02-01')).toBe(false);
    expect(calendar.isWorkingDay('2020-02-03')).toBe(true);
  });
  it('2025: eight days of Spring Festival, 28 January – 4 February, make-up 26 Jan and 8 Feb', () => {
    expect(calendar.isWorkingDay('2025-01-28')).toBe(false);
    expect(calendar.isWorkingDay('2025-02-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-01-26')).toBe(true);
    expect(calendar.isWorkingDay('2025-02-08')).toBe(true);
  });
  it('2023: New Year began on Saturday 31 December 2022', () => {
    expect(calendar.isWorkingDay('2023-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2023-01-03')).toBe(true);
  });
  it('2026: New Year 1–3 January, make-up Sunday 4 January', () => {
    expect(calendar.isWorkingDay('2026-01-02')).toBe(false);
    expect(calendar.isWorkingDay('2026-01-04')).toBe(true);
  });
});

describe('outside the covered years', () => {
  it('falls back to weekends only and says so through covers()', () => {
    expect(calendar.covers('2027-10-01')).toBe(false);
    expect(calendar.isWorkingDay('2027-10-01')).toBe(true); // a Friday: provisional answer
    expect(calendar.isWorkingDay('2027-10-02')).toBe(false);
    expect(calendar.covers('2019-06-01')).toBe(true);
  });
});

describe('toWorkingDays and business dates', () => {
  it('converts month = 22 and year = 250 working days', () => {
    expect(calendar.toWorkingDays({ value: 20, unit: 'workday' })).toBe(20);
    expect(calendar.toWorkingDays({ value: 3, unit: 'month' })).toBe(66);
    expect(calendar.toWorkingDays({ value: 1, unit: 'year' })).toBe(250);
    expect(() => calendar.toWorkingDays({ value: -1, unit: 'workday' })).toThrow(RangeError);
  });
  it('takes the business date in the calendar zone', () => {
    expect(calendar.businessDate('2019-09-30T17:30:00Z')).toBe('2019-10-01');
    expect(new WorkingDayCalendar({ timeZone: 'UTC' }).businessDate('2019-09-30T17:30:00Z')).toBe('2019-09-30');
  });
  it('rejects malformed dates', () => {
    expect(() => calendar.isWorkingDay('2019-02-29')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2019/10/01')).toThrow(RangeError);
  });
});
