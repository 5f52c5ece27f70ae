import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { command, DEPT_A, on, publishedMatter, staff, submitted } from './support/applications';
import { getAsAssessor } from './support/scenario-app';
import { startTestApp, type TestApp } from './support/test-app';

jest.setTimeout(60_000);

/**
 * 好差评 through the API: evaluations given on the applications route show in the assessment's
 * operational figures (satisfactionRate, badReviews, badReviewsRectifiedOnTime), in the rankings
 * (redCards beside each department), the bulletins and the CSV export. Red cards and follow-up
 * cases have no routes on this branch yet: their counts are covered by the supervision projection's
 * int spec over events appended to the store; here they are 0.
 */
describe.each(testBackends())('assessment: satisfaction figures from evaluations given through the API on %s', (backend) => {
  let t: TestApp;
  let position = 0;

  beforeAll(async () => {
    t = await startTestApp(backend);
    const clerk = staff(t);
    const matterId = await publishedMatter(t, { promisedDays: 5 });
    for (const score of [5, 4, 2]) {
      const { id } = await submitted(t, matterId, on('2019-09-24'));
      await command(t, clerk, `/${id}/accept`, { at: on('2019-09-24', '09:30') }).expect(200);
      await command(t, clerk, `/${id}/complete`, { outcome: 'approved', visits: 0, at: on('2019-09-26') }).expect(200);
      await command(t, clerk, `/${id}/deliver`, { method: 'online', at: on('2019-09-26', '10:00') }).expect(200);
      const evaluated = await command(t, clerk, `/${id}/evaluation`, { score, at: on('2019-09-27') }).expect(200);
      position = evaluated.body.position;
    }
  });
  afterAll(() => t?.close());

  it('gives satisfactionRate, badReviews, badReviewsRectifiedOnTime and redCards with numerators and denominators', async () => {
    const report = await getAsAssessor(t, `/api/v1/assessment?asOf=2019-10-31&minPosition=${position}`);
    expect(report.operational).toMatchObject({
      evaluations: { total: 3, byScore: { '2': 1, '4': 1, '5': 1 } },
      satisfactionRate: { numerator: 2, denominator: 3, rate: 66.67 },
      badReviews: 1,
      // no follow-up case was rectified (no case route on this branch): 0 of 1
      badReviewsRectifiedOnTime: { numerator: 0, denominator: 1, rate: 0 },
      redCards: 0,
    });
    const before = await getAsAssessor(t, `/api/v1/assessment?asOf=2019-09-26&minPosition=${position}`);
    expect(before.operational).toMatchObject({ satisfactionRate: { numerator: 0, denominator: 0, rate: null }, badReviews: 0 });
    const other = await getAsAssessor(t, `/api/v1/assessment?asOf=2019-10-31&departmentId=dept-other&minPosition=${position}`);
    expect(other.operational).toMatchObject({ satisfactionRate: { denominator: 0 }, badReviews: 0, redCards: 0 });
  });

  it('gives redCards beside each department in the rankings and the bulletins', async () => {
    const ranking = await getAsAssessor(
      t,
      `/api/v1/rankings?indicator=onlineAcceptanceRate&by=department&asOf=2019-10-31&minPosition=${position}`,
    );
    expect(ranking.rows).toEqual([expect.objectContaining({ departmentId: DEPT_A, redCards: 0 })]);
    const daily = await getAsAssessor(t, `/api/v1/bulletins/daily?date=2019-09-27&minPosition=${position}`);
    expect(daily.redCards).toEqual({ issued: 0, yearToDate: 0, byDepartment: [] });
    expect(daily.rankings.byDepartment[0].rows[0]).toMatchObject({ departmentId: DEPT_A, redCards: 0 });
    const weekly = await getAsAssessor(t, `/api/v1/bulletins/weekly?week=2019-W39&minPosition=${position}`);
    expect(weekly.redCards).toMatchObject({ issued: 0 });
  });

  it('adds the figures after the eight indicators of the whole scope in the CSV export', async () => {
    const csv = await request(t.http)
      .get(`/api/v1/reports/assessment.csv?asOf=2019-10-31&minPosition=${position}`)
      .set('Authorization', `Bearer ${t.token({ roles: ['assessor'] })}`)
      .expect(200);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines).toEqual(
      expect.arrayContaining([
        '全市,全市,全市,满意率,satisfaction rate,satisfactionRate,2,3,66.67',
        '全市,全市,全市,差评数,bad reviews,badReviews,1,,',
        '全市,全市,全市,差评按期整改率,bad reviews rectified on time,badReviewsRectifiedOnTime,0,1,0',
        '全市,全市,全市,红牌数,red cards,redCards,0,,',
      ]),
    );
  });
});
