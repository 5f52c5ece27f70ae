import { WorkingDayCalendar } from '@app/kernel';
import { PausePeriod, pausedWorkdays } from './pause-periods';

const calendar = new WorkingDayCalendar();
const at = (date: string) => `${date}T10:00:00+08:00`;
const pause = (from: string, to: string | null, kind: PausePeriod['kind'] = 'suspension'): PausePeriod => ({
  kind,
  detail: 'x',
  startedAt: at(from),
  endedAt: to && at(to),
});

describe('pausedWorkdays', () => {
  it('counts the working days in (S, E]', () => {
    expect(pausedWorkdays([pause('2019-09-23', '2019-09-27')], '2019-12-31', calendar)).toBe(4);
  });
  it('counts 2019 make-up Sundays 29 Sep and skips 1–7 Oct', () => {
    expect(pausedWorkdays([pause('2019-09-27', '2019-10-08')], '2019-12-31', calendar)).toBe(3);
  });
  it('clips at the as-of date, open or not, and ignores pauses that start after it', () => {
    expect(pausedWorkdays([pause('2019-09-23', null)], '2019-09-25', calendar)).toBe(2);
    expect(pausedWorkdays([pause('2019-09-23', '2019-09-27')], '2019-09-25', calendar)).toBe(2);
    expect(pausedWorkdays([pause('2019-09-26', '2019-09-27')], '2019-09-25', calendar)).toBe(0);
  });
  it('unites overlapping pauses of both kinds', () => {
    const pauses = [
      pause('2019-09-16', '2019-09-20', 'special_procedure'),
      pause('2019-09-18', '2019-09-24'),
      pause('2019-09-17', '2019-09-19'),
    ];
    expect(pausedWorkdays(pauses, '2019-12-31', calendar)).toBe(6); // 17,18,19,20,23,24
  });
  it('does not double-count back-to-back pauses: (S, E] and (E, F]', () => {
    expect(pausedWorkdays([pause('2019-09-16', '2019-09-18'), pause('2019-09-18', '2019-09-20')], '2019-12-31', calendar)).toBe(4);
  });
  it('is 0 without pauses', () => {
    expect(pausedWorkdays([], '2019-12-31', calendar)).toBe(0);
  });
});
