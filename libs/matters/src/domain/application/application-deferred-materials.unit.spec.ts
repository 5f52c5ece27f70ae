import { DomainError, businessCalendar, foldEvents } from '@app/kernel';
import { applicationDecider } from './application.decider';
import type { ApplicationCommand } from './application.commands';
import type { ApplicationEvent } from './application.events';
import { completedOnTime, handlingClock, returnedOnAsOf } from './application-deadline';
import {
  applicationId,
  completed,
  given,
  matter,
  on,
  refusedWith,
  resume,
  resumed,
  submitted,
  suspended,
} from './application.test-fixtures';

/** A 20-working-day matter with three materials; submitted Thu 26 Sep 2019, accepted Fri 27 Sep. */
const withMaterials = { ...matter, promisedWorkdays: 20, materials: ['申请书', '营业执照复印件', '法定代表人身份证明'] };
const filed: ApplicationEvent = { ...submitted, data: { ...submitted.data, matter: withMaterials } } as ApplicationEvent;

const accept = (data: Partial<Extract<ApplicationCommand, { type: 'application.accept' }>['data']> = {}): ApplicationCommand => ({
  type: 'application.accept',
  data: { at: on('2019-09-27'), ...data },
});
const acceptedDeferred = (dueOn: string, items = ['营业执照复印件']): ApplicationEvent => ({
  type: 'application.accepted',
  data: { applicationId, channel: 'online', deferredMaterials: { items, dueOn }, at: on('2019-09-27') },
});
const receive = (date: string): ApplicationCommand => ({ type: 'application.receive_deferred_materials', data: { at: on(date) } });
const received = (date: string, items = ['营业执照复印件']): ApplicationEvent => ({
  type: 'application.deferred_materials_received',
  data: { applicationId, items, at: on(date) },
});
const sweepSuspend = (date: string): ApplicationCommand => ({
  type: 'application.suspend_for_deferred_materials',
  data: { at: on(date, '00:05') },
});
const sweepSuspended = (date: string) => suspended(date, 'deferred_materials_overdue');
const sweepSuspendedAt = (date: string): ApplicationEvent => ({
  type: 'application.suspended',
  data: { applicationId, reason: 'deferred_materials_overdue', at: on(date, '00:05') },
});
const sweepReturn = (date: string, afterWorkdays = 15): ApplicationCommand => ({
  type: 'application.return',
  data: { at: on(date, '00:05'), afterWorkdays },
});
const returned = (date: string): ApplicationEvent => ({
  type: 'application.returned',
  data: { applicationId, reason: 'deferred_materials_missing', items: ['营业执照复印件'], at: on(date, '00:05') },
});

describe('application decider — 容缺受理 (acceptance with materials outstanding)', () => {
  describe('accept with deferredMaterials', () => {
    it('defaults the due date to 5 working days after acceptance, counting the make-up Sunday 29 Sep and skipping National Day', () => {
      // Fri 27 Sep → Sun 29 (调休) 1, Mon 30 2, Tue 8 Oct 3, Wed 9 4, Thu 10 5
      given([filed])
        .when(accept({ deferredMaterials: [' 营业执照复印件 '] }))
        .then([acceptedDeferred('2019-10-10')]);
    });
    it('takes the configured default and a given due date', () => {
      given([filed])
        .when(accept({ deferredMaterials: ['营业执照复印件'], deferredDueWorkdays: 1 }))
        .then([acceptedDeferred('2019-09-29')]);
      given([filed])
        .when(accept({ deferredMaterials: ['营业执照复印件', '申请书'], deferredDueOn: '2019-10-25' }))
        .then([acceptedDeferred('2019-10-25', ['营业执照复印件', '申请书'])]);
    });
    it('refuses a default due date past the deadline: a 3-day matter must be given one (400)', () => {
      const short = { ...submitted, data: { ...submitted.data, matter: { ...withMaterials, promisedWorkdays: 3 } } } as ApplicationEvent;
      given([short])
        .when(accept({ deferredMaterials: ['营业执照复印件'] }))
        .thenThrows(DomainError, refusedWith('invalid_command', '2019-10-10 (the default) is after the deadline 2019-10-08'));
      given([short])
        .when(accept({ deferredMaterials: ['营业执照复印件'], deferredDueOn: '2019-10-08' }))
        .then([acceptedDeferred('2019-10-08')]);
    });
    it('refuses a due date after the deadline, or not after the day of acceptance (400)', () => {
      // deadline: 20 working days after 27 Sep is Wed 30 Oct (Sun 29 Sep and Sat 12 Oct are working days)
      given([filed])
        .when(accept({ deferredMaterials: ['申请书'], deferredDueOn: '2019-10-31' }))
        .thenThrows(
          DomainError,
          (error) => refusedWith('invalid_command', 'after the deadline 2019-10-30')(error) && error.kind === 'invalid',
        );
      given([filed])
        .when(accept({ deferredMaterials: ['申请书'], deferredDueOn: '2019-09-27' }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'after the day of acceptance'));
      const instant = { ...withMaterials, handlingType: 'instant' as const, promisedWorkdays: 0 };
      given([{ ...submitted, data: { ...submitted.data, matter: instant } } as ApplicationEvent])
        .when(accept({ deferredMaterials: ['申请书'] }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'deferredDueOn'));
    });
    it('refuses names that are not materials of the matter version, and a snapshot without materials (400)', () => {
      given([filed])
        .when(accept({ deferredMaterials: ['申请书', '户口本'] }))
        .thenThrows(
          DomainError,
          (error) =>
            refusedWith('invalid_command', 'deferredMaterials[1]: not a material of matter SX-001: 户口本')(error) &&
            error.kind === 'invalid',
        );
      given([submitted])
        .when(accept({ deferredMaterials: ['申请书'] }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'lists no materials'));
    });
    it('refuses an empty list, a repeated name, a bad date, and a due date without materials (400)', () => {
      given([filed])
        .when(accept({ deferredMaterials: [] }))
        .thenThrows(DomainError, refusedWith('invalid_command', '1 to 100'));
      given([filed])
        .when(accept({ deferredMaterials: ['申请书', '申请书'] }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'twice'));
      given([filed])
        .when(accept({ deferredMaterials: ['申请书'], deferredDueOn: '2019-02-30' }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'deferredDueOn'));
      given([filed])
        .when(accept({ deferredDueOn: '2019-10-08' }))
        .thenThrows(DomainError, refusedWith('invalid_command', 'only with'));
    });
  });

  describe('receive the deferred materials (容缺补交)', () => {
    it('records them; normal handling follows and completion is allowed', () => {
      given([filed, acceptedDeferred('2019-10-10')])
        .when(receive('2019-10-09'))
        .then([received('2019-10-09')]);
      given([filed, acceptedDeferred('2019-10-10'), received('2019-10-09')])
        .when({ type: 'application.complete', data: { outcome: 'approved', visits: 0, at: on('2019-10-11') } })
        .then([completed('2019-10-11')]);
    });
    it('resumes an application the sweep suspended for them: the pause ends', () => {
      given([filed, acceptedDeferred('2019-10-10'), sweepSuspended('2019-10-11')])
        .when(receive('2019-10-15'))
        .then([received('2019-10-15'), resumed('2019-10-15')]);
      const state = foldEvents(applicationDecider, [
        filed,
        acceptedDeferred('2019-10-10'),
        sweepSuspended('2019-10-11'),
        received('2019-10-15'),
        resumed('2019-10-15'),
      ]);
      // paused (11 Oct, 15 Oct]: Sat 12 (调休), Mon 14, Tue 15 → 3 working days; deadline 30 Oct + 3 = Mon 4 Nov
      expect(handlingClock(state, '2019-10-20', businessCalendar())).toMatchObject({ pausedWorkdays: 3, deadline: '2019-11-04' });
    });
    it('does not resume a suspension for another reason', () => {
      given([filed, acceptedDeferred('2019-10-10'), suspended('2019-10-08')])
        .when(receive('2019-10-09'))
        .then([received('2019-10-09')]);
    });
    it('refuses when none are outstanding (409): an ordinary acceptance, or received already', () => {
      given([filed, { type: 'application.accepted', data: { applicationId, channel: 'online', at: on('2019-09-27') } }])
        .when(receive('2019-10-09'))
        .thenThrows(
          DomainError,
          (error) => refusedWith('illegal_transition', 'no deferred materials are outstanding')(error) && error.kind === 'conflict',
        );
      given([filed, acceptedDeferred('2019-10-10'), received('2019-10-09')])
        .when(receive('2019-10-10'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'no deferred materials are outstanding'));
      given([filed]).when(receive('2019-10-10')).thenThrows(DomainError, refusedWith('illegal_transition', 'state submitted'));
    });
    it('refuses to complete, or to resume by hand, while they are outstanding', () => {
      given([filed, acceptedDeferred('2019-10-10')])
        .when({ type: 'application.complete', data: { outcome: 'approved', visits: 0, at: on('2019-10-09') } })
        .thenThrows(DomainError, refusedWith('illegal_transition', 'deferred materials have not been received'));
      given([filed, acceptedDeferred('2019-10-10'), sweepSuspended('2019-10-11')])
        .when(resume('2019-10-14'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'record their receipt instead'));
    });
  });

  describe('the sweep: suspend on the working day after the due date', () => {
    it('suspends from the working day after the due date, with reason deferred_materials_overdue', () => {
      given([filed, acceptedDeferred('2019-10-10')])
        .when(sweepSuspend('2019-10-11'))
        .then([sweepSuspendedAt('2019-10-11')]);
    });
    it('waits out National Day: due Mon 30 Sep, suspended on Tue 8 Oct, not before', () => {
      given([filed, acceptedDeferred('2019-09-30')])
        .when(sweepSuspend('2019-10-07'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'the sweep suspends from 2019-10-08'));
      given([filed, acceptedDeferred('2019-09-30')])
        .when(sweepSuspend('2019-10-08'))
        .then([sweepSuspendedAt('2019-10-08')]);
    });
    it('counts the make-up Saturday 12 Oct: due Fri 11 Oct, suspended on Sat 12 Oct', () => {
      given([filed, acceptedDeferred('2019-10-11')])
        .when(sweepSuspend('2019-10-12'))
        .then([sweepSuspendedAt('2019-10-12')]);
    });
    it('refuses on the due date, when suspended already, and when nothing is outstanding', () => {
      given([filed, acceptedDeferred('2019-10-10')])
        .when(sweepSuspend('2019-10-10'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'due on 2019-10-10'));
      given([filed, acceptedDeferred('2019-10-10'), sweepSuspendedAt('2019-10-11')])
        .when(sweepSuspend('2019-10-14'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'suspended already'));
      given([filed, acceptedDeferred('2019-10-10'), received('2019-10-10')])
        .when(sweepSuspend('2019-10-11'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'no deferred materials are outstanding'));
    });
  });

  describe('the sweep: return (退件) 15 working days after the due date', () => {
    const overdue = [filed, acceptedDeferred('2019-10-10'), sweepSuspendedAt('2019-10-11')];
    it('returns on the 15th working day after the due date (Sat 12 Oct counted): 30 Oct', () => {
      given(overdue)
        .when(sweepReturn('2019-10-30'))
        .then([returned('2019-10-30')]);
      given(overdue)
        .when(sweepReturn('2019-10-29'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'it may be returned from 2019-10-30'));
    });
    it('takes the configured limit', () => {
      given(overdue)
        .when(sweepReturn('2019-10-14', 3))
        .then([returned('2019-10-14')]);
      given(overdue).when(sweepReturn('2019-10-14', 0)).thenThrows(DomainError, refusedWith('invalid_command', 'afterWorkdays'));
    });
    it('is terminal: nothing follows a return', () => {
      const gone = [...overdue, returned('2019-10-30')];
      given(gone).when(receive('2019-10-31')).thenThrows(DomainError, refusedWith('illegal_transition', 'state returned'));
      given(gone).when(sweepReturn('2019-10-31')).thenThrows(DomainError, refusedWith('illegal_transition', 'state returned'));
      given(gone)
        .when({ type: 'application.complete', data: { outcome: 'approved', visits: 0, at: on('2019-10-31') } })
        .thenThrows(DomainError, refusedWith('illegal_transition', 'state returned'));
    });
    it('refuses when the materials came', () => {
      given([filed, acceptedDeferred('2019-10-10'), received('2019-10-29')])
        .when(sweepReturn('2019-10-30'))
        .thenThrows(DomainError, refusedWith('illegal_transition', 'no deferred materials are outstanding'));
    });
    it('counts as accepted, never completed nor on time, and is not overdue; its clock stops at the return', () => {
      const state = foldEvents(applicationDecider, [...overdue, returned('2019-10-30')]);
      const calendar = businessCalendar();
      const clock = handlingClock(state, '2019-12-31', calendar);
      // paused (11 Oct, 30 Oct] = 14 working days, frozen at the return
      expect(clock).toMatchObject({
        acceptedOn: '2019-09-27',
        completedOn: null,
        overdue: false,
        pausedWorkdays: 14,
      });
      expect(completedOnTime(state, '2019-12-31', calendar)).toBe(false);
      expect(returnedOnAsOf(state, '2019-12-31', calendar)).toBe('2019-10-30');
      expect(returnedOnAsOf(state, '2019-10-29', calendar)).toBeNull();
    });
  });
});
