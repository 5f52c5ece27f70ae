import { businessCalendar, foldEvents } from '@app/kernel';
import { applicationDecider, handlingClock, type ApplicationEvent } from '@app/matters';
import { toSupervisionSnapshot } from '../application-supervision-snapshot';
import { acceptedApplication, on, snapshot, suspension } from '../supervision.test-fixtures';
import { supervisionWarning } from './supervision-warning';

const calendar = businessCalendar();
const yellow1 = { yellowWorkdays: 1 };
const standing = (date: string, s = snapshot(), limits = yellow1) => {
  const warning = supervisionWarning(s, date, calendar, limits);
  return warning && { deadline: warning.deadline, workdaysLeft: warning.workdaysLeft, level: warning.level };
};

describe('supervision warnings (红黄牌)', () => {
  it('counts the working days left to the deadline across National Day, yellow from 1 left', () => {
    expect(standing('2019-09-30')).toEqual({ deadline: '2019-10-10', workdaysLeft: 3, level: null });
    expect(standing('2019-10-03')).toEqual({ deadline: '2019-10-10', workdaysLeft: 3, level: null });
    expect(standing('2019-10-08')).toEqual({ deadline: '2019-10-10', workdaysLeft: 2, level: null });
    expect(standing('2019-10-09')).toEqual({ deadline: '2019-10-10', workdaysLeft: 1, level: 'yellow' });
    expect(standing('2019-10-10')).toEqual({ deadline: '2019-10-10', workdaysLeft: 0, level: 'yellow' });
  });
  it('is red after the deadline, counting the make-up Saturday 12 Oct and not Sunday 13 Oct', () => {
    expect(standing('2019-10-11')).toEqual({ deadline: '2019-10-10', workdaysLeft: -1, level: 'red' });
    expect(standing('2019-10-12')).toEqual({ deadline: '2019-10-10', workdaysLeft: -2, level: 'red' });
    expect(standing('2019-10-13')).toEqual({ deadline: '2019-10-10', workdaysLeft: -2, level: 'red' });
    expect(standing('2019-10-14')).toEqual({ deadline: '2019-10-10', workdaysLeft: -3, level: 'red' });
  });
  it('handles a deadline on the make-up Sunday 29 Sep: red on a holiday with 1 working day overrun', () => {
    const oneDay = snapshot({ promisedWorkdays: 1 });
    expect(standing('2019-09-28', oneDay)).toEqual({ deadline: '2019-09-29', workdaysLeft: 1, level: 'yellow' });
    expect(standing('2019-09-29', oneDay)).toEqual({ deadline: '2019-09-29', workdaysLeft: 0, level: 'yellow' });
    expect(standing('2019-09-30', oneDay)).toEqual({ deadline: '2019-09-29', workdaysLeft: -1, level: 'red' });
    expect(standing('2019-10-01', oneDay)).toEqual({ deadline: '2019-09-29', workdaysLeft: -1, level: 'red' });
    const friday = snapshot({ acceptedOn: '2019-10-10', promisedWorkdays: 1 });
    // deadline Fri 11 Oct; Sat 12 Oct is a working day, so Saturday already counts one day overrun
    expect(standing('2019-10-12', friday)).toEqual({ deadline: '2019-10-11', workdaysLeft: -1, level: 'red' });
  });
  it('takes the yellow threshold as a parameter', () => {
    expect(standing('2019-09-30', snapshot(), { yellowWorkdays: 3 })?.level).toBe('yellow');
    expect(standing('2019-10-09', snapshot(), { yellowWorkdays: 0 })?.level).toBeNull();
    expect(standing('2019-10-10', snapshot(), { yellowWorkdays: 0 })?.level).toBe('yellow');
  });
  it('gives no level while paused on the date, and moves the deadline by the paused working days', () => {
    const open = snapshot({ pauses: [suspension('2019-10-08', null)] });
    expect(supervisionWarning(open, '2019-10-11', calendar, yellow1)).toMatchObject({
      deadline: '2019-10-14', // 10 Oct + (8 Oct, 11 Oct] = 3 working days: Fri 11, Sat 12, Mon 14
      level: null,
      paused: true,
    });
    expect(standing('2019-10-08', open)?.level).toBeNull();
    const ended = snapshot({ pauses: [suspension('2019-10-08', '2019-10-09')] });
    expect(standing('2019-10-09', ended)).toEqual({ deadline: '2019-10-11', workdaysLeft: 2, level: null });
    expect(standing('2019-10-12', ended)).toEqual({ deadline: '2019-10-11', workdaysLeft: -1, level: 'red' });
  });
  it('is null when the application is not open on the date', () => {
    expect(supervisionWarning(snapshot(), '2019-09-26', calendar, yellow1)).toBeNull();
    const done = snapshot({ closedOn: '2019-10-11', closedAs: 'completed' });
    expect(supervisionWarning(done, '2019-10-11', calendar, yellow1)).toBeNull();
    expect(standing('2019-10-10', done)?.level).toBe('yellow');
    expect(supervisionWarning(snapshot({ closedOn: '2019-10-30', closedAs: 'returned' }), '2019-11-01', calendar, yellow1)).toBeNull();
  });
  it('agrees with the application’s own clock (one formula)', () => {
    const events: ApplicationEvent[] = [
      ...acceptedApplication('app-1'),
      { type: 'application.special_procedure_started', data: { applicationId: 'app-1', kind: '检验', at: on('2019-09-30') } },
      { type: 'application.special_procedure_ended', data: { applicationId: 'app-1', kind: '检验', at: on('2019-10-12') } },
    ];
    const state = foldEvents(applicationDecider, events);
    const s = toSupervisionSnapshot(state, false, calendar)!;
    for (const date of ['2019-10-01', '2019-10-12', '2019-10-20', '2019-11-05'])
      expect(supervisionWarning(s, date, calendar, yellow1)?.deadline).toBe(handlingClock(state, date, calendar).deadline);
  });
});
