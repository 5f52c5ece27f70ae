import { startOfBusinessDate } from './start-of-business-date';
import { SWEEP_AT_PATTERN, SweepSchedule } from './sweep-schedule';
import type { Sweeper } from './sweeper';

describe('the sweep’s dates and times', () => {
  it('dates a sweep’s commands at the first instant of the business date in the city zone', () => {
    expect(startOfBusinessDate('2019-10-11', 'Asia/Shanghai')).toBe('2019-10-11T00:00:00+08:00');
    expect(startOfBusinessDate('2019-10-11', 'UTC')).toBe('2019-10-11T00:00:00+00:00');
    // Berlin: summer time (+02:00) until 27 Oct 2019, winter time (+01:00) after
    expect(startOfBusinessDate('2019-10-27', 'Europe/Berlin')).toBe('2019-10-27T00:00:00+02:00');
    expect(startOfBusinessDate('2019-10-28', 'Europe/Berlin')).toBe('2019-10-28T00:00:00+01:00');
  });

  it('is due through today once SWEEP_AT has passed in the city zone, else through yesterday', () => {
    const schedule = new SweepSchedule({} as Sweeper, { sweepAt: '00:05', timeZone: 'Asia/Shanghai', log: () => {}, error: () => {} });
    expect(schedule.dueThrough(new Date('2019-10-10T16:04:00Z'))).toBe('2019-10-10'); // 00:04 on 11 Oct in Shanghai
    expect(schedule.dueThrough(new Date('2019-10-10T16:05:00Z'))).toBe('2019-10-11');
    expect(schedule.dueThrough(new Date('2019-10-11T15:59:00Z'))).toBe('2019-10-11');
  });

  it('accepts HH:MM or off as SWEEP_AT', () => {
    expect(['00:05', '23:59', 'off'].every((value) => SWEEP_AT_PATTERN.test(value))).toBe(true);
    expect(['24:00', '0:05', 'never', '00:60'].some((value) => SWEEP_AT_PATTERN.test(value))).toBe(false);
  });
});
