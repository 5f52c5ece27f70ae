import { randomUUID } from 'node:crypto';
import { rebuildProjection, type EventStore } from '@app/event-store';
import { openStoreFixture, testBackends, visibleEvents, type StoreFixture } from '@app/event-store/testing';
import { ApplicationFactsProjection } from '../applications/application-facts.projection';
import { buildBulletin } from '../bulletins/bulletin';
import { assessmentReport } from '../indicators/assessment-report';
import { operationalFigures } from '../indicators/operational.query';
import { rankings } from '../rankings/rankings';
import { migrate } from '../shared/projection-test-kit';
import { SupervisionFactsProjection } from './supervision-facts.projection';

jest.setTimeout(120_000);

const SCJG = { departmentId: 'scjg', regionCode: '330602' };
const GAJ = { departmentId: 'gaj', regionCode: '330603' };
const year = { from: '2019-01-01', to: '2019-10-31' };

/** One stream's events appended to the store as a command would (metadata with the business time). */
async function append(
  store: EventStore,
  streamId: string,
  events: { type: string; data: { at: string } & Record<string, unknown> }[],
): Promise<void> {
  await store.append(
    streamId,
    events.map(({ type, data }) => ({ id: randomUUID(), type, data, metadata: { actor: 'test', correlationId: 'test', at: data.at } })),
    { expectedVersion: 'no_stream' },
  );
}

/** An application accepted, completed and evaluated with `score` on `evaluatedOn` (a working day). */
async function evaluatedApplication(store: EventStore, id: string, owner: typeof SCJG, score: number, evaluatedOn: string) {
  const matter = { code: `M-${id}`, version: 1, handlingType: 'promised', promisedWorkdays: 3, ...owner };
  const applicationId = id;
  await append(store, `application-${id}`, [
    {
      type: 'application.submitted',
      data: { applicationId, matterId: 'm', matter, channel: 'online', applicant: {}, at: '2019-09-02T09:00:00+08:00' },
    },
    { type: 'application.accepted', data: { applicationId, channel: 'online', at: '2019-09-02T09:10:00+08:00' } },
    { type: 'application.completed', data: { applicationId, outcome: 'approved', visits: 0, at: '2019-09-03T10:00:00+08:00' } },
    { type: 'application.evaluated', data: { applicationId, score, at: `${evaluatedOn}T11:00:00+08:00` } },
  ]);
}

async function redCard(store: EventStore, cardId: string, owner: typeof SCJG, issuedOn: string) {
  await append(store, `red-card-${cardId}`, [
    {
      type: 'red-card.issued',
      data: {
        cardId,
        applicationId: `a-${cardId}`,
        ...owner,
        level: 'red',
        issuedOn,
        deadline: '2019-09-05',
        at: `${issuedOn}T00:05:00+08:00`,
      },
    },
    { type: 'red-card.explained', data: { cardId, text: '系统故障', at: `${issuedOn}T15:00:00+08:00` } },
  ]);
}

async function feedbackCase(
  store: EventStore,
  caseId: string,
  applicationId: string,
  owner: typeof SCJG,
  dates: { openedOn: string; rectifyDueOn: string; rectifiedAt?: string },
) {
  const opened = {
    type: 'feedback-case.opened',
    data: {
      caseId,
      applicationId,
      ...owner,
      score: 1,
      openedOn: dates.openedOn,
      contactDueOn: dates.openedOn,
      rectifyDueOn: dates.rectifyDueOn,
      at: `${dates.openedOn}T11:00:01+08:00`,
    },
  };
  const contacted = { type: 'feedback-case.contacted', data: { caseId, note: '已回访', at: `${dates.openedOn}T16:00:00+08:00` } };
  const rectified = dates.rectifiedAt
    ? [
        { type: 'feedback-case.rectified', data: { caseId, note: '已整改', at: dates.rectifiedAt } },
        { type: 'feedback-case.re_rated', data: { caseId, score: 4, at: dates.rectifiedAt } },
      ]
    : [];
  await append(store, `feedback-case-${caseId}`, [opened, contacted, ...rectified]);
}

/**
 * Red cards and feedback cases have no routes on this branch yet (the sweep and the bad-review
 * reactor append them): these events are appended straight to the store, as those would.
 */
describe.each(testBackends())(
  'the supervision figures over events appended to the store on %s (red cards and cases appended directly)',
  (backend) => {
    let fx: StoreFixture;
    const facts = new ApplicationFactsProjection();
    const supervision = new SupervisionFactsProjection();

    beforeAll(async () => {
      fx = await openStoreFixture(backend);
      await migrate(fx.sql);
      // 好差评: scjg 1 and 2, gaj 5, 4 and 2 — five evaluations, two satisfied, three bad
      await evaluatedApplication(fx.store, 'a', SCJG, 1, '2019-09-03');
      await evaluatedApplication(fx.store, 'b', SCJG, 2, '2019-09-04');
      await evaluatedApplication(fx.store, 'c', GAJ, 5, '2019-09-04');
      await evaluatedApplication(fx.store, 'd', GAJ, 4, '2019-09-05');
      await evaluatedApplication(fx.store, 'e', GAJ, 2, '2019-10-08');
      // a: rectified 20 Sep, due 24 Sep (on time); b: rectified 27 Sep, due 25 Sep (late); e: not rectified
      await feedbackCase(fx.store, 'case-a', 'a', SCJG, {
        openedOn: '2019-09-03',
        rectifyDueOn: '2019-09-24',
        rectifiedAt: '2019-09-20T10:00:00+08:00',
      });
      await feedbackCase(fx.store, 'case-b', 'b', SCJG, {
        openedOn: '2019-09-04',
        rectifyDueOn: '2019-09-25',
        rectifiedAt: '2019-09-27T10:00:00+08:00',
      });
      await feedbackCase(fx.store, 'case-e', 'e', GAJ, { openedOn: '2019-10-08', rectifyDueOn: '2019-10-29' });
      await redCard(fx.store, 'card-1', SCJG, '2019-09-10');
      await redCard(fx.store, 'card-2', SCJG, '2019-10-15');
      await redCard(fx.store, 'card-3', GAJ, '2019-10-31');
      await visibleEvents(fx.store, 5 * 4 + 2 * 4 + 2 + 3 * 2);
      await rebuildProjection(fx.store, fx.sql, facts);
      await rebuildProjection(fx.store, fx.sql, supervision, { batchSize: 3 });
    });
    afterAll(() => fx.dispose());

    it('gives satisfactionRate, badReviews, badReviewsRectifiedOnTime and redCards in the assessment', async () => {
      const { operational } = await assessmentReport(fx.sql, { asOf: '2019-10-31', period: year }, {});
      expect(operational).toMatchObject({
        satisfactionRate: { numerator: 2, denominator: 5, rate: 40 },
        badReviews: 3,
        badReviewsRectifiedOnTime: { numerator: 1, denominator: 3, rate: 33.33 },
        redCards: 3,
      });
    });

    it('is exact as of the report date: later cards and rectifications do not count yet', async () => {
      expect(await operationalFigures(fx.sql, '2019-10-14', { from: '2019-01-01', to: '2019-10-14' }, {})).toMatchObject({
        badReviews: 3,
        badReviewsRectifiedOnTime: { numerator: 1, denominator: 3 },
        redCards: 1,
      });
      expect(await operationalFigures(fx.sql, '2019-09-19', { from: '2019-01-01', to: '2019-09-19' }, {})).toMatchObject({
        satisfactionRate: { numerator: 2, denominator: 4, rate: 50 },
        badReviews: 2,
        badReviewsRectifiedOnTime: { numerator: 0, denominator: 2, rate: 0 },
        redCards: 1,
      });
    });

    it('follows the scope: a department, a region', async () => {
      expect(await operationalFigures(fx.sql, '2019-10-31', year, { departmentId: 'gaj' })).toMatchObject({
        satisfactionRate: { numerator: 2, denominator: 3 },
        badReviews: 1,
        badReviewsRectifiedOnTime: { numerator: 0, denominator: 1, rate: 0 },
        redCards: 1,
      });
      expect(await operationalFigures(fx.sql, '2019-10-31', year, { regionCode: '330602' })).toMatchObject({
        satisfactionRate: { numerator: 0, denominator: 2, rate: 0 },
        badReviewsRectifiedOnTime: { numerator: 1, denominator: 2, rate: 50 },
        redCards: 2,
      });
    });

    it('gives each ranking row its red cards, and the bulletin its cards by department', async () => {
      const [byDepartment] = await rankings(fx.sql, ['onlineAcceptanceRate'], 'department', { asOf: '2019-10-31', period: year });
      expect(byDepartment.rows.map((row) => [row.departmentId, row.redCards])).toEqual([
        ['gaj', 1],
        ['scjg', 2],
      ]);
      const bulletin = await buildBulletin(fx.sql, 'daily', '2019-10-31', { from: '2019-10-31', to: '2019-10-31' }, null);
      expect(bulletin.redCards).toEqual({
        issued: 1,
        yearToDate: 3,
        byDepartment: [
          { departmentId: 'gaj', departmentName: 'gaj', issued: 1, yearToDate: 1 },
          { departmentId: 'scjg', departmentName: 'scjg', issued: 0, yearToDate: 2 },
        ],
      });
      expect(bulletin.rankings.byDepartment[0].rows.find((row) => row.departmentId === 'scjg')?.redCards).toBe(2);
    });

    it('gives the same figures after a rebuild from position 0, however the events are cut into batches', async () => {
      const report = () => assessmentReport(fx.sql, { asOf: '2019-10-31', period: year }, {});
      const before = await report();
      await rebuildProjection(fx.store, fx.sql, supervision, { batchSize: 1 });
      await rebuildProjection(fx.store, fx.sql, facts, { batchSize: 2 });
      expect(await report()).toEqual(before);
    });
  },
);
