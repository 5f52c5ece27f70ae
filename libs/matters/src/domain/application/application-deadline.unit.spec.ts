import { WorkingDayCalendar } from '@app/kernel';
import { foldEvents } from '@app/kernel';
import { handlingClock } from './application-deadline';
import { applicationDecider } from './application.decider';
import type { ApplicationEvent } from './application.events';
import {
  accepted,
  completed,
  matter,
  on,
  rejected,
  resumed,
  specialEnded,
  specialStarted,
  submitted,
  supplementRequested,
  suspended,
} from './application.test-fixtures';

const calendar = new WorkingDayCalendar();
const clock = (events: ApplicationEvent[], asOf: string) => handlingClock(foldEvents(applicationDecider, events), asOf, calendar);
// accepted Friday 27 Sep 2019, promised 5 working days: 29 Sep (make-up Sunday), 30 Sep, [1–7 Oct], 8, 9, 10 Oct
const handling = [submitted, accepted];

describe('deadline (day of acceptance = day 0)', () => {
  it('is the 5th working day after acceptance, across the National Day holiday', () => {
    expect(clock(handling, '2019-09-27')).toEqual({
      acceptedOn: '2019-09-27',
      deadline: '2019-10-10',
      pausedWorkdays: 0,
      completedOn: null,
      overdue: false,
      workdaysLeft: 5,
    });
  });

  it('has no clock before acceptance or after a rejection at intake', () => {
    expect(clock([submitted, supplementRequested], '2019-10-30').deadline).toBeNull();
    expect(clock([submitted, rejected], '2019-10-30')).toMatchObject({ deadline: null, overdue: false });
  });

  it('takes the acceptance date in Asia/Shanghai: 23:30 UTC on 26 Sep is 27 Sep', () => {
    const lateUtc: ApplicationEvent = { ...accepted, data: { ...accepted.data, at: '2019-09-26T23:30:00Z' } };
    expect(clock([submitted, lateUtc], '2019-09-27').acceptedOn).toBe('2019-09-27');
  });
});

describe('paused working days move the deadline (a pause from S to E adds the working days in (S, E])', () => {
  it('a suspension from Mon 30 Sep to Wed 9 Oct adds 2 (8 and 9 Oct; 1–7 Oct are holidays)', () => {
    const events = [...handling, suspended('2019-09-30'), resumed('2019-10-09')];
    // 10 Oct + 2 working days: Fri 11, Sat 12 (make-up working day)
    expect(clock(events, '2019-10-31')).toMatchObject({ pausedWorkdays: 2, deadline: '2019-10-12' });
  });

  it('an open pause counts up to the as-of date', () => {
    const events = [...handling, specialStarted('2019-10-08')];
    expect(clock(events, '2019-10-08')).toMatchObject({ pausedWorkdays: 0, deadline: '2019-10-10' });
    expect(clock(events, '2019-10-11')).toMatchObject({ pausedWorkdays: 3, deadline: '2019-10-14', overdue: false });
  });

  it('overlapping special procedure and suspension pause a working day once', () => {
    // special 8→14 Oct: (8, 14] = 9, 10, 11, 12 (make-up Sat), 14 = 5; suspension 10→16 Oct adds 15, 16
    const events = [...handling, specialStarted('2019-10-08'), suspended('2019-10-10'), specialEnded('2019-10-14'), resumed('2019-10-16')];
    expect(clock(events, '2019-10-31').pausedWorkdays).toBe(7);
  });

  it('a pause nested inside another adds nothing more', () => {
    const events = [...handling, specialStarted('2019-10-08'), suspended('2019-10-09'), resumed('2019-10-10'), specialEnded('2019-10-14')];
    expect(clock(events, '2019-10-31').pausedWorkdays).toBe(5);
  });

  it('repeated pauses add up', () => {
    const events = [...handling, suspended('2019-10-08'), resumed('2019-10-09'), suspended('2019-10-10'), resumed('2019-10-11')];
    expect(clock(events, '2019-10-31')).toMatchObject({ pausedWorkdays: 2, deadline: '2019-10-12' });
  });

  it('a pause started and ended on the same day adds nothing', () => {
    const events = [
      ...handling,
      suspended('2019-10-08'),
      { ...resumed('2019-10-08'), data: { ...resumed('2019-10-08').data, at: on('2019-10-08', '16:00') } },
    ];
    expect(clock(events, '2019-10-31').pausedWorkdays).toBe(0);
  });
});

describe('overdue', () => {
  it('is false on the deadline and true the working day after while still open', () => {
    expect(clock(handling, '2019-10-10').overdue).toBe(false);
    expect(clock(handling, '2019-10-11').overdue).toBe(true);
  });

  it('is decided by the completion date once completed', () => {
    expect(clock([...handling, completed('2019-10-10')], '2019-12-31')).toMatchObject({ completedOn: '2019-10-10', overdue: false });
    expect(clock([...handling, completed('2019-10-11')], '2019-12-31')).toMatchObject({ completedOn: '2019-10-11', overdue: true });
  });

  it('answers as of a past date: completed later, it was open then', () => {
    const events = [...handling, completed('2019-10-11')];
    expect(clock(events, '2019-10-09')).toMatchObject({ completedOn: null, overdue: false });
  });

  it('an instant application completed the same day is on time; on a later working day, overdue', () => {
    const instant = {
      ...submitted,
      data: { ...submitted.data, matter: { ...matter, handlingType: 'instant' as const, promisedWorkdays: 0 } },
    } as ApplicationEvent;
    expect(clock([instant, accepted, completed('2019-09-27')], '2019-09-30')).toMatchObject({ deadline: '2019-09-27', overdue: false });
    expect(clock([instant, accepted, completed('2019-09-29')], '2019-09-30')).toMatchObject({ deadline: '2019-09-27', overdue: true });
  });
});

describe('working days left while open (the workbench shows them)', () => {
  it('counts the make-up Sunday, skips the National Day week, is 0 on the deadline and negative past it', () => {
    expect(clock(handling, '2019-09-28').workdaysLeft).toBe(5); // 29 Sep (make-up Sunday), 30 Sep, 8, 9, 10 Oct
    expect(clock(handling, '2019-09-30').workdaysLeft).toBe(3); // 1–7 Oct are holidays
    expect(clock(handling, '2019-10-10').workdaysLeft).toBe(0);
    expect(clock(handling, '2019-10-14').workdaysLeft).toBe(-3); // 11 Oct, 12 Oct (make-up Saturday), 14 Oct
  });

  it('is null before acceptance and once completed, but counts on dates before the completion', () => {
    expect(clock([submitted], '2019-10-08').workdaysLeft).toBeNull();
    expect(clock([...handling, completed('2019-10-09')], '2019-10-09').workdaysLeft).toBeNull();
    expect(clock([...handling, completed('2019-10-09')], '2019-10-08').workdaysLeft).toBe(2);
  });
});
