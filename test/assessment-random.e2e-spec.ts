import request from 'supertest';
import { randomScenario } from '@app/metrics';
import { crossCheck, getAsAssessor, loadAndProject, numbersOf } from './support/scenario-app';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A random city (seeded) loaded through the command handlers on PGlite: every indicator the read
 * models answer must equal the in-memory fold of the raw event log, for several dates (before and
 * after the catalogue revisions, during suspensions, after retirements), periods and scopes.
 */
describe('assessment against the in-memory cross-check on a random city (pglite)', () => {
  let t: TestApp;
  const plan = randomScenario(4242, { matters: 160, applications: 450, issues: 12 });

  beforeAll(async () => {
    t = await startTestApp('pglite');
    await loadAndProject(t, plan, 8);
  }, 300_000);
  afterAll(() => t?.close());

  const cases: [string, string, { from: string; to: string }, { regionCode?: string; departmentId?: string }][] = [
    ['city at the end of October', '2019-10-31', { from: '2019-01-01', to: '2019-10-31' }, {}],
    ['city before any revision took effect', '2019-02-15', { from: '2019-01-01', to: '2019-02-15' }, {}],
    ['city in spring (suspensions, retirements under way)', '2019-04-30', { from: '2019-03-01', to: '2019-06-30' }, {}],
    ['one region in summer', '2019-07-15', { from: '2019-01-01', to: '2019-07-15' }, { regionCode: '330683' }],
    ['one department', '2019-09-30', { from: '2019-05-01', to: '2019-09-30' }, { departmentId: 'scjg' }],
    ['before anything was in force', '2018-12-31', { from: '2018-01-01', to: '2018-12-31' }, {}],
  ];

  it.each(cases)('agrees for the %s', async (_, asOf, period, scope) => {
    const query = new URLSearchParams({ asOf, ...period, ...scope }).toString();
    const report = await getAsAssessor(t, `/api/v1/assessment?${query}`);
    expect(numbersOf(report.indicators)).toEqual(await crossCheck(t, asOf, period, scope));
    for (const indicator of report.indicators)
      expect(indicator.rate).toBe(
        indicator.denominator === 0 ? null : Math.round((indicator.numerator / indicator.denominator) * 10_000) / 100,
      );
  });

  it('uses the version in force: a revised matter counts with its old elements before the revision', async () => {
    const revised = plan.matters.filter((matter) => matter.revisions.length > 0 && matter.statusChanges.length === 0);
    expect(revised.length).toBeGreaterThan(0);
    const before = await getAsAssessor(t, '/api/v1/assessment?asOf=2019-02-15');
    const after = await getAsAssessor(t, '/api/v1/assessment?asOf=2019-10-31');
    const atLeastOneImproved = before.indicators.slice(0, 6).some((b: { rate: number }, i: number) => b.rate < after.indicators[i].rate);
    expect(atLeastOneImproved).toBe(true);
  });

  it('defaults the period to the year of asOf and names the eighth indicator in the notes', async () => {
    const report = await getAsAssessor(t, '/api/v1/assessment?asOf=2019-08-08');
    expect(report).toMatchObject({ asOf: '2019-08-08', period: { from: '2019-01-01', to: '2019-08-08' }, scope: { level: 'city' } });
    expect(report.indicators.map((i: { name: string }) => i.name)).toEqual([
      '网上可办率',
      '掌上可办率',
      '跑零次率',
      '即办率',
      '承诺时限压缩比',
      '材料电子化比率',
      '网上受理率',
      '掌上受理率',
    ]);
    expect(report.notes[0]).toContain('掌上受理率');
  });

  it('refuses other roles (403), no token (401) and bad queries (400 problem+json)', async () => {
    await request(t.http).get('/api/v1/assessment').expect(401);
    const staff = t.token({ roles: ['window_staff'], departmentId: 'scjg' });
    await request(t.http).get('/api/v1/assessment').set('Authorization', `Bearer ${staff}`).expect(403);
    const assessor = `Bearer ${t.token({ roles: ['assessor'] })}`;
    const bad = await request(t.http).get('/api/v1/assessment?asOf=2019-02-30').set('Authorization', assessor).expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'asOf' })]);
    await request(t.http).get('/api/v1/assessment?from=2019-05-01&to=2019-04-01').set('Authorization', assessor).expect(400);
    await request(t.http).get('/api/v1/assessment?colour=red').set('Authorization', assessor).expect(400);
    await request(t.http).get('/api/v1/rankings?indicator=nothing').set('Authorization', assessor).expect(400);
    await request(t.http).get('/api/v1/bulletins/weekly?week=2019-W60').set('Authorization', assessor).expect(400);
  });

  it('ranks with shared ranks and null rates last', async () => {
    const ranking = await getAsAssessor(t, '/api/v1/rankings?indicator=onlineAcceptanceRate&by=department&asOf=2019-10-31');
    const rows = ranking.rows as { rank: number; rate: number | null }[];
    rows.forEach((row, i) => {
      if (i === 0) return expect(row.rank).toBe(1);
      const previous = rows[i - 1];
      if (row.rate === previous.rate) expect(row.rank).toBe(previous.rank);
      else expect(row.rank).toBe(i + 1);
      if (previous.rate === null) expect(row.rate).toBeNull();
      else if (row.rate !== null) expect(row.rate).toBeLessThanOrEqual(previous.rate);
    });
  });

  it('documents every report route in the OpenAPI description', async () => {
    const docs = await request(t.http).get('/docs-json').expect(200);
    for (const path of [
      '/api/v1/assessment',
      '/api/v1/rankings',
      '/api/v1/bulletins/daily',
      '/api/v1/bulletins/weekly',
      '/api/v1/reports/assessment.csv',
      '/api/v1/reports/assessment.xlsx',
    ])
      expect(docs.body.paths[path]?.get?.responses).toHaveProperty('200');
    expect(docs.body.paths['/api/v1/assessment'].get.responses).toHaveProperty('400');
  });
});
