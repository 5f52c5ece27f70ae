import { businessCalendar, foldEvents, type Decider, type Message } from '@app/kernel';
import { applicationDecider, type ApplicationEvent, type ApplicationState } from '@app/matters';
import { toSupervisionSnapshot } from '../application-supervision-snapshot';
import { redCardDecider } from '../red-card/red-card.decider';
import type { RedCardEvent } from '../red-card/red-card.events';
import { redCardIdOf } from '../supervision-ids';
import { DEFAULT_SUPERVISION_LIMITS } from '../supervision-limits';
import { acceptedApplication, on, snapshot, suspension } from '../supervision.test-fixtures';
import { sweepPlan, type SweepPlan } from './sweep-plan';

const calendar = businessCalendar();
const limits = DEFAULT_SUPERVISION_LIMITS;
const sweep = (date: string, ...snapshots: ReturnType<typeof snapshot>[]): SweepPlan =>
  sweepPlan(on(date, '00:05'), snapshots, limits, calendar);
const deferred = (dueOn: string, receivedOn: string | null = null) => ({ items: ['营业执照复印件'], dueOn, receivedOn });

describe('the sweep plan', () => {
  describe('red cards', () => {
    it('issues a card, dated D, to an application red on D without one; the id is derived from the application', () => {
      const plan = sweep('2019-10-11', snapshot());
      expect(plan).toEqual({
        date: '2019-10-11',
        counts: { cardsIssued: 1, suspended: 0, returned: 0 },
        steps: [
          {
            aggregate: 'red-card',
            id: redCardIdOf('app-1'),
            command: {
              type: 'red-card.issue',
              data: {
                cardId: redCardIdOf('app-1'),
                applicationId: 'app-1',
                departmentId: 'dept-market',
                regionCode: '330602',
                deadline: '2019-10-10',
                at: on('2019-10-11', '00:05'),
              },
            },
          },
        ],
      });
    });
    it('issues nothing on the deadline day, to an application with a card, paused, or closed', () => {
      expect(sweep('2019-10-10', snapshot()).steps).toEqual([]);
      expect(sweep('2019-10-11', snapshot({ hasRedCard: true })).steps).toEqual([]);
      expect(sweep('2019-10-11', snapshot({ pauses: [suspension('2019-10-09', null)] })).steps).toEqual([]);
      expect(sweep('2019-10-11', snapshot({ closedOn: '2019-10-11', closedAs: 'completed' })).steps).toEqual([]);
    });
    it('first sees red after National Day: deadline on the make-up Sunday 29 Sep, nothing on 1–7 Oct would be missed', () => {
      const s = snapshot({ promisedWorkdays: 1 });
      expect(sweep('2019-09-29', s).counts.cardsIssued).toBe(0);
      expect(sweep('2019-10-01', s).counts.cardsIssued).toBe(1);
    });
  });

  describe('容缺受理: suspensions and returns', () => {
    it('suspends on the working day after the due date: due Mon 30 Sep → Tue 8 Oct, nothing during the holiday', () => {
      const s = snapshot({ promisedWorkdays: 20, deferredMaterials: deferred('2019-09-30') });
      expect(sweep('2019-09-30', s).steps).toEqual([]);
      expect(sweep('2019-10-05', s).steps).toEqual([]);
      expect(sweep('2019-10-08', s)).toMatchObject({
        counts: { cardsIssued: 0, suspended: 1, returned: 0 },
        steps: [{ aggregate: 'application', id: 'app-1', command: { type: 'application.suspend_for_deferred_materials' } }],
      });
    });
    it('does not suspend what is suspended already, nor what came in time', () => {
      const suspended = snapshot({
        promisedWorkdays: 20,
        deferredMaterials: deferred('2019-10-10'),
        pauses: [suspension('2019-10-11', null, 'deferred_materials_overdue')],
      });
      expect(sweep('2019-10-14', suspended).steps).toEqual([]);
      expect(
        sweep('2019-10-14', snapshot({ promisedWorkdays: 20, deferredMaterials: deferred('2019-10-10', '2019-10-10') })).steps,
      ).toEqual([]);
    });
    it('returns 15 working days after the due date (make-up Saturday 12 Oct counted): due 10 Oct → 30 Oct', () => {
      const s = snapshot({
        promisedWorkdays: 20,
        deferredMaterials: deferred('2019-10-10'),
        pauses: [suspension('2019-10-11', null, 'deferred_materials_overdue')],
      });
      expect(sweep('2019-10-29', s).steps).toEqual([]);
      expect(sweep('2019-10-30', s)).toMatchObject({
        counts: { cardsIssued: 0, suspended: 0, returned: 1 },
        steps: [{ aggregate: 'application', id: 'app-1', command: { type: 'application.return', data: { afterWorkdays: 15 } } }],
      });
      expect(sweep('2019-10-31', snapshot({ ...s, closedOn: '2019-10-30', closedAs: 'returned' })).steps).toEqual([]);
    });
    it('gives no card to an application it suspends the same day', () => {
      // 5-day matter: deadline 10 Oct, materials due 10 Oct → on 11 Oct it is suspended, not carded
      expect(sweep('2019-10-11', snapshot({ deferredMaterials: deferred('2019-10-10') })).counts).toEqual({
        cardsIssued: 0,
        suspended: 1,
        returned: 0,
      });
    });
  });

  describe('idempotent: run, apply, run again', () => {
    /** Runs the plan of `date` through the deciders and returns the new streams; then plans again. */
    function runTwice(date: string, streams: Map<string, ApplicationEvent[]>, cards: Map<string, RedCardEvent[]>) {
      const snapshots = () =>
        [...streams.entries()].map(([id, events]) =>
          toSupervisionSnapshot(foldEvents(applicationDecider, events) as ApplicationState, cards.has(redCardIdOf(id)), calendar)!,
        );
      const first = sweepPlan(on(date, '00:05'), snapshots(), limits, calendar);
      for (const step of first.steps) {
        if (step.aggregate === 'red-card') cards.set(step.id, decideOn(redCardDecider, cards.get(step.id) ?? [], step.command));
        else streams.set(step.id, decideOn(applicationDecider, streams.get(step.id)!, step.command));
      }
      return { first, second: sweepPlan(on(date, '00:05'), snapshots(), limits, calendar) };
    }
    function decideOn<C extends Message, E extends Message, S>(decider: Decider<C, E, S>, events: E[], command: C): E[] {
      return [...events, ...decider.decide(command, foldEvents(decider, events))];
    }

    it('issues a card, a suspension and a return once; the second run of the same date issues nothing', () => {
      const streams = new Map<string, ApplicationEvent[]>([
        ['late', acceptedApplication('late')],
        ['owing', acceptedApplication('owing', '2019-10-10')],
        [
          'gone',
          [
            ...acceptedApplication('gone', '2019-09-30'),
            {
              type: 'application.suspended',
              data: { applicationId: 'gone', reason: 'deferred_materials_overdue', at: on('2019-10-08', '00:05') },
            },
          ],
        ],
        [
          'fine',
          [
            ...acceptedApplication('fine'),
            { type: 'application.completed', data: { applicationId: 'fine', outcome: 'approved', visits: 0, at: on('2019-10-09') } },
          ],
        ],
      ]);
      const cards = new Map<string, RedCardEvent[]>();
      // 'late' is red since 11 Oct; 'owing' was due 10 Oct; 'gone' was due 30 Sep: +15 working days is Fri 25 Oct
      const { first, second } = runTwice('2019-10-25', streams, cards);
      expect(first.counts).toEqual({ cardsIssued: 1, suspended: 1, returned: 1 });
      expect(second.steps).toEqual([]);
      expect([...cards.keys()]).toEqual([redCardIdOf('late')]);
      expect(foldEvents(applicationDecider, streams.get('gone')!).status).toBe('returned');
      // later sweeps: 'owing' is paused (no card) until its return, 15 working days after 10 Oct
      expect(runTwice('2019-10-29', streams, cards).first.steps).toEqual([]);
      const last = runTwice('2019-10-30', streams, cards);
      expect([last.first.counts, last.second.steps]).toEqual([{ cardsIssued: 0, suspended: 0, returned: 1 }, []]);
    });
  });
});
