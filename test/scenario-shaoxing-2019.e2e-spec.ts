import ExcelJS from 'exceljs';
import { parseString } from '@fast-csv/parse';
import request from 'supertest';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/event-store';
import { rebuildProjection } from '@app/event-store';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { describeOnPostgres } from '@app/event-store/testing';
import { businessCalendar, datesFromTo } from '@app/kernel';
import { SHAOXING_2019_EXPECTED, shaoxing2019, type LoadResult } from '@app/metrics';
import { allProjections } from '../apps/api/src/projections/projection-registry';
import { crossCheck, getAsAssessor, loadAndProject, numbersOf } from './support/scenario-app';
import { startTestApp, type TestApp } from './support/test-app';

const YEAR = 'from=2019-01-01&to=2019-10-31';
/** what active supervision left as of the end of 2019 (all read as an inspector, city-wide) */
const SUPERVISION = [
  '/api/v1/supervision/cards?pageSize=1',
  '/api/v1/supervision/cards?status=issued&pageSize=1',
  '/api/v1/supervision/cards?status=explained&pageSize=1',
  '/api/v1/supervision/cards?status=closed&pageSize=1',
  '/api/v1/feedback-cases?asOf=2019-12-31&pageSize=1',
  '/api/v1/feedback-cases?asOf=2019-12-31&overdue=true&pageSize=1',
  '/api/v1/applications?status=returned&pageSize=50',
  '/api/v1/supervision/warnings?asOf=2019-06-28&pageSize=1',
  '/api/v1/assessment?asOf=2019-12-31&from=2019-01-01&to=2019-12-31',
];

describeOnPostgres('the 2019 scenario (6334 matters, 2000 applications, 1329 quality issues) on postgres', () => {
  let t: TestApp;
  let loaded: LoadResult;
  const plan = shaoxing2019(2000);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const asInspector = async (path: string): Promise<Record<string, any>> => {
    const response = await request(t.http)
      .get(path)
      .set('Authorization', `Bearer ${t.token({ roles: ['inspector', 'assessor'] })}`);
    if (response.status !== 200) throw new Error(`${path} → ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    t = await startTestApp('postgres');
    loaded = await loadAndProject(t, plan);
  }, 900_000);
  afterAll(() => t?.close());

  it('reproduces the seed table as of 2019-10-31', async () => {
    const report = await getAsAssessor(t, '/api/v1/assessment?asOf=2019-10-31');
    expect(report.period).toEqual({ from: '2019-01-01', to: '2019-10-31' });
    const rates = Object.fromEntries(report.indicators.map((i: { key: string; rate: number }) => [i.key, i.rate]));
    expect(rates).toMatchObject(SHAOXING_2019_EXPECTED.rates);
    expect(report.indicators.map((i: { key: string }) => i.key)).toEqual(Object.keys(rates));
    expect(report.indicators.slice(0, 4).map((i: { numerator: number }) => i.numerator)).toEqual([6334, 6294, 6324, 5866]);
    expect(report.indicators[0].denominator).toBe(6334);
    expect(report.indicators[7]).toMatchObject({ key: 'mobileAcceptanceRate', name: '掌上受理率' });
    expect(report.notes.join(' ')).toContain('掌上受理率');
  });

  it('shows the rectification ledger 1329 / 1205 / 124', async () => {
    const ledger = await getAsAssessor(t, '/api/v1/rectification-ledger');
    expect(ledger).toMatchObject(SHAOXING_2019_EXPECTED.ledger);
  });

  it('runs active supervision over 2019: cards issued, explained and closed, 容缺 returned, 差评 cases some overdue', async () => {
    const s = loaded.supervision!;
    const calendar = businessCalendar();
    expect(s.sweeps).toBe(datesFromTo('2019-01-02', '2019-12-31').filter((date) => calendar.isWorkingDay(date)).length);
    expect(s.cardsIssued).toBeGreaterThan(0);
    expect(s.cardsExplained).toBeGreaterThan(0);
    expect(s.cardsClosed).toBeGreaterThan(0);
    expect(s.returned).toBe(plan.supervision!.neverBrought.length);
    expect(s.feedbackCases).toBeGreaterThan(0);
    const [cards, issued, explained, closed, cases, overdue, returned] = await Promise.all(SUPERVISION.slice(0, 7).map(asInspector));
    expect(cards.total).toBe(s.cardsIssued);
    expect(closed.total).toBe(s.cardsClosed);
    expect(explained.total).toBe(s.cardsExplained - s.cardsClosed);
    expect(issued.total).toBe(s.cardsIssued - s.cardsExplained);
    expect(cases.total).toBe(s.feedbackCases);
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.total).toBeLessThan(s.feedbackCases);
    expect(returned.total).toBe(s.returned);
    const deferred = plan.applications.filter((a) =>
      a.steps.some((step) => step.type === 'application.accept' && step.data.deferredMaterials),
    );
    expect(deferred.length).toBeGreaterThan(0);
    const year = await getAsAssessor(t, SUPERVISION[8]);
    expect(year.operational.redCards).toBe(s.cardsIssued);
    expect(year.operational.badReviews).toBe(s.feedbackCases);
    expect(year.operational.satisfactionRate.denominator).toBeGreaterThan(year.operational.satisfactionRate.numerator);
    expect(year.operational.satisfactionRate.numerator).toBeGreaterThan(0);
    expect(year.operational.badReviewsRectifiedOnTime).toMatchObject({ numerator: s.rectified, denominator: s.feedbackCases });
    // the seed's figures as of 31 October do not see November's 容缺 applications
    const october = await getAsAssessor(t, '/api/v1/assessment?asOf=2019-10-31');
    expect(october.operational.redCards).toBeGreaterThan(0);
    expect(october.operational.redCards).toBeLessThanOrEqual(s.cardsIssued);
  });

  it('uses the older catalogue version before the revisions took effect, as the raw events say', async () => {
    const february = await getAsAssessor(t, '/api/v1/assessment?asOf=2019-02-28');
    const october = await getAsAssessor(t, '/api/v1/assessment?asOf=2019-10-31');
    expect(february.indicators[1].numerator).toBeLessThan(october.indicators[1].numerator);
    expect(numbersOf(february.indicators)).toEqual(await crossCheck(t, '2019-02-28', { from: '2019-01-01', to: '2019-02-28' }));
  }, 60_000);

  it('agrees with the in-memory cross-check for regions and departments', async () => {
    for (const [query, scope] of [
      ['regionCode=330624', { regionCode: '330624' }],
      ['departmentId=scjg', { departmentId: 'scjg' }],
      ['regionCode=330600&departmentId=gaj', { regionCode: '330600', departmentId: 'gaj' }],
    ] as const) {
      const report = await getAsAssessor(t, `/api/v1/assessment?asOf=2019-06-30&${YEAR}&${query}`);
      expect(numbersOf(report.indicators)).toEqual(await crossCheck(t, '2019-06-30', { from: '2019-01-01', to: '2019-10-31' }, scope));
    }
  }, 60_000);

  it('ranks regions and departments that differ', async () => {
    const regions = await getAsAssessor(t, '/api/v1/rankings?indicator=mobileAvailability&by=region&asOf=2019-10-31');
    expect(regions.rows).toHaveLength(7);
    expect(regions.rows.map((r: { regionName: string }) => r.regionName).sort()).toEqual(
      ['上虞区', '嵊州市', '市本级', '新昌县', '柯桥区', '诸暨市', '越城区'].sort(),
    );
    expect(new Set(regions.rows.map((r: { rate: number }) => r.rate)).size).toBeGreaterThan(1);
    const departments = await getAsAssessor(t, '/api/v1/rankings?indicator=onlineAcceptanceRate&by=department&asOf=2019-10-31');
    expect(departments.rows).toHaveLength(47);
    expect(departments.rows[0].rank).toBe(1);
    expect(departments.rows.find((r: { departmentId: string }) => r.departmentId === 'scjg')).toMatchObject({
      departmentName: '市场监督管理局',
    });
    expect(departments.rows.every((r: { departmentId: string; departmentName: string }) => r.departmentName !== r.departmentId)).toBe(true);
  });

  it('exports the assessment as CSV with a BOM and as xlsx with one sheet per level', async () => {
    const token = t.token({ roles: ['assessor'] });
    const csv = await request(t.http)
      .get('/api/v1/reports/assessment.csv?asOf=2019-10-31')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.headers['content-disposition']).toContain('attachment; filename="assessment-2019-10-31.csv"');
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const rows = await parseCsv(csv.text.slice(1));
    expect(rows[0]).toEqual(['层级', '范围', '范围名称', '指标', '指标(英文)', '键', '分子', '分母', '比率(%)']);
    expect(rows.find((row) => row[0] === '全市' && row[5] === 'mobileAvailability')).toEqual([
      '全市',
      '全市',
      '全市',
      '掌上可办率',
      'mobile availability',
      'mobileAvailability',
      '6294',
      '6334',
      '99.37',
    ]);
    expect(rows.filter((row) => row[0] === '区县')).toHaveLength(7 * 8);
    expect(rows.find((row) => row[0] === '区县' && row[1] === '330683')?.[2]).toBe('嵊州市');
    expect(rows.find((row) => row[0] === '部门' && row[1] === 'scjg')?.[2]).toBe('市场监督管理局');

    const xlsx = await request(t.http)
      .get('/api/v1/reports/assessment.xlsx?asOf=2019-10-31')
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml.sheet');
    expect(xlsx.headers['content-disposition']).toContain('assessment-2019-10-31.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(xlsx.body as Buffer).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['全市', '区县', '部门', '说明']);
    const city = workbook.getWorksheet('全市')!;
    expect(city.getRow(1).values).toEqual([undefined, '层级', '范围', '范围名称', '指标', '指标(英文)', '键', '分子', '分母', '比率(%)']);
    const rates = city
      .getSheetValues()
      .slice(2)
      .map((row) => (row as unknown[])[9]);
    expect(rates.slice(0, 7)).toEqual([100, 99.37, 99.84, 92.61, 98.08, 99.81, 81.38]);
    expect(workbook.getWorksheet('部门')!.rowCount).toBe(1 + 47 * 8);
  });

  it('writes daily and weekly bulletins', async () => {
    const daily = await getAsAssessor(t, '/api/v1/bulletins/daily?date=2019-10-31');
    expect(daily).toMatchObject({ kind: 'daily', interval: { from: '2019-10-31', to: '2019-10-31' }, previousAsOf: '2019-10-30' });
    expect(daily.indicators).toHaveLength(8);
    expect(daily.qualityIssues.ledger).toMatchObject(SHAOXING_2019_EXPECTED.ledger);
    const weekly = await getAsAssessor(t, '/api/v1/bulletins/weekly?week=2019-W44');
    expect(weekly.interval).toEqual({ from: '2019-10-28', to: '2019-11-03' });
    expect(weekly.rankings.byRegion).toHaveLength(8);
    expect(weekly.rankings.byRegion[0].rows.map((row: { regionName: string }) => row.regionName)).toContain('嵊州市');
    expect(
      daily.overdue.items.every((item: { departmentName: string; regionName: string }) => item.departmentName && item.regionName),
    ).toBe(true);
    expect(weekly.activity.accepted).toBeGreaterThan(0);
  });

  it('answers identically after every projection is rebuilt from position 0', async () => {
    const paths = [
      '/api/v1/assessment?asOf=2019-10-31',
      '/api/v1/assessment?asOf=2019-02-28&regionCode=330683',
      '/api/v1/rankings?indicator=instantRate&by=department&asOf=2019-10-31',
      '/api/v1/rectification-ledger',
    ];
    const before = await Promise.all(paths.map((path) => getAsAssessor(t, path)));
    const supervisionBefore = await Promise.all(SUPERVISION.map(asInspector));
    await t.app.get(ProjectionRunner).stop();
    const store = t.app.get<EventStore>(EVENT_STORE);
    const sql = t.app.get<SqlClient>(SQL_CLIENT);
    // every read model; the audit trail is an append-only hash chain that refuses a reset by design
    for (const projection of allProjections.filter((p) => p.name !== 'audit-trail'))
      await rebuildProjection(store, sql, projection, { batchSize: 2000 });
    const after = await Promise.all(paths.map((path) => getAsAssessor(t, path)));
    expect(after).toEqual(before);
    expect(await Promise.all(SUPERVISION.map(asInspector))).toEqual(supervisionBefore);
  }, 300_000);
});

function parseCsv(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString(text, { headers: false })
      .on('data', (row: string[]) => rows.push(row))
      .on('error', reject)
      .on('end', () => resolve(rows));
  });
}
