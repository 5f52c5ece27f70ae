import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { bearer, createMatter, eventCount, readCaughtUp } from './support/quality-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The directory: regions and departments named by an admin through the command path, read by every role, shown beside codes. */
describe.each(testBackends())('the directory on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  const at = '2019-01-02T09:00:00+08:00';
  const put = (path: string, body: object, auth = admin) => request(t.http).put(`/api/v1/${path}`).set('Authorization', auth).send(body);
  const market = { name: '市场监督管理局', shortName: '市场监管局', regionCode: '330683', at };

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = bearer(t, ['admin']);
  }, 60_000);
  afterAll(() => t.close());

  it('names a region and registers a department, then answers them to every role', async () => {
    const named = await put('regions/330683', { name: '嵊州市', at }).expect(200);
    expect(named.body).toEqual({ id: '330683', version: 1, position: expect.any(Number) });
    expect((await put('departments/dept-market', market).expect(200)).body).toMatchObject({ id: 'dept-market', version: 1 });
    const clerk = bearer(t, ['window_staff'], { departmentId: 'dept-market' });
    expect((await readCaughtUp(t, '/api/v1/regions', clerk)).body.items).toContainEqual({ code: '330683', name: '嵊州市', version: 1 });
    expect((await readCaughtUp(t, '/api/v1/departments/dept-market', clerk)).body).toEqual({
      id: 'dept-market',
      name: '市场监督管理局',
      shortName: '市场监管局',
      regionCode: '330683',
      version: 1,
    });
    const page = (await readCaughtUp(t, '/api/v1/departments?regionCode=330683', clerk)).body;
    expect(page).toMatchObject({ total: 1, items: [{ id: 'dept-market' }] });
    expect((await readCaughtUp(t, '/api/v1/departments?regionCode=330602', clerk)).body).toMatchObject({ total: 0, items: [] });
    await readCaughtUp(t, '/api/v1/departments/dept-nobody', clerk, 404);
  });

  it('renames and changes; the same facts again append nothing', async () => {
    await put('regions/330602', { name: '越城', at }).expect(200);
    expect((await put('regions/330602', { name: '越城区', at }).expect(200)).body.version).toBe(2);
    const before = await eventCount(t);
    expect((await put('regions/330602', { name: '越城区', at }).expect(200)).body.version).toBe(2);
    expect((await put('departments/dept-market', market).expect(200)).body.version).toBe(1);
    expect(await eventCount(t)).toBe(before);
    expect((await put('departments/dept-market', { ...market, regionCode: '330602' }).expect(200)).body.version).toBe(2);
    expect((await readCaughtUp(t, '/api/v1/departments/dept-market', admin)).body).toMatchObject({ regionCode: '330602', version: 2 });
  });

  it.each([
    ['regions/33068x', { name: '嵊州市' }, 'code'],
    ['regions/330683', { name: '   ' }, 'name'],
    ['departments/dept-x', { ...market, regionCode: '339999' }, 'regionCode'],
    ['departments/dept-x', { ...market, regionCode: 'abc' }, 'regionCode'],
    ['departments/dept-x', { ...market, shortName: '' }, 'shortName'],
    ['departments/Dept%20X', market, 'id'],
  ])('refuses PUT %s %j as problem+json naming %s, appending nothing', async (path, body, field) => {
    const before = await eventCount(t);
    const refused = await put(path, body)
      .expect(400)
      .expect('Content-Type', /application\/problem\+json/);
    expect(refused.body.errors).toContainEqual(expect.objectContaining({ field }));
    expect(await eventCount(t)).toBe(before);
  });

  it('lets only an admin write (403 for every other role), appending nothing', async () => {
    const before = await eventCount(t);
    for (const role of ['catalog_admin', 'window_staff', 'inspector', 'department_officer', 'assessor'])
      await put('regions/330624', { name: '新昌县' }, bearer(t, [role], { departmentId: 'dept-market' })).expect(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('shows the name beside a known code in a ranking, and the code itself for an unknown one', async () => {
    await createMatter(t, { departmentId: 'dept-market', regionCode: '330683' });
    await createMatter(t, { departmentId: 'dept-unlisted', regionCode: '330699' });
    const assessor = bearer(t, ['assessor']);
    const byRegion = (await readCaughtUp(t, '/api/v1/rankings?indicator=onlineAvailability&by=region&asOf=2019-03-01', assessor)).body;
    expect(byRegion.rows.map((row: { regionCode: string; regionName: string }) => [row.regionCode, row.regionName])).toEqual(
      expect.arrayContaining([
        ['330683', '嵊州市'],
        ['330699', '330699'],
      ]),
    );
    const byDepartment = (await readCaughtUp(t, '/api/v1/rankings?indicator=onlineAvailability&by=department&asOf=2019-03-01', assessor))
      .body;
    expect(
      byDepartment.rows.map((row: { departmentId: string; departmentName: string }) => [row.departmentId, row.departmentName]),
    ).toEqual(
      expect.arrayContaining([
        ['dept-market', '市场监督管理局'],
        ['dept-unlisted', 'dept-unlisted'],
      ]),
    );
  });

  it('names the assessment’s scope and the CSV export’s 范围名称 column, an unknown code by itself', async () => {
    const assessor = bearer(t, ['assessor']);
    const scoped = (await readCaughtUp(t, '/api/v1/assessment?asOf=2019-03-01&regionCode=330683&departmentId=dept-market', assessor)).body;
    expect(scoped.scope).toEqual({
      level: 'department',
      regionCode: '330683',
      regionName: '嵊州市',
      departmentId: 'dept-market',
      departmentName: '市场监督管理局',
    });
    const unknown = (await readCaughtUp(t, '/api/v1/assessment?asOf=2019-03-01&regionCode=330699', assessor)).body;
    expect(unknown.scope).toMatchObject({ regionCode: '330699', regionName: '330699', departmentName: null });
    const csv = (await readCaughtUp(t, '/api/v1/reports/assessment.csv?asOf=2019-03-01', assessor)).text.split('\r\n');
    expect(csv[0]).toBe('\uFEFF层级,范围,范围名称,指标,指标(英文),键,分子,分母,比率(%)');
    expect(csv).toEqual(
      expect.arrayContaining([expect.stringMatching(/^区县,330683,嵊州市,网上可办率,/), expect.stringMatching(/^区县,330699,330699,/)]),
    );
    expect(csv).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^部门,dept-market,市场监督管理局,/),
        expect.stringMatching(/^部门,dept-unlisted,dept-unlisted,/),
      ]),
    );
  });
});
