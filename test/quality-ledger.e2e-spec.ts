import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { bearer, createMatter, readCaughtUp } from './support/quality-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * A mixed batch over three departments and two regions, answered as of several dates:
 * i1 A/R1 found 03-01, closed 03-12 · i2 A/R1 found 03-05, deadline 03-20, never closed ·
 * i3 B/R1 found 03-08, deadline 04-30 · i4 C/R2 found 04-01, deadline 04-10 ·
 * i5 C/R2 found 03-01, closed 03-06, reopened 03-20 with deadline 03-25.
 */
describe.each(testBackends())('the rectification ledger on %s', (backend) => {
  let t: TestApp;
  let inspector: string;
  let assessor: string;

  const at = (date: string) => `2019-${date}T10:00:00+08:00`;
  const post = (path: string, auth: string, body: object) =>
    request(t.http).post(`/api/v1/quality-issues${path}`).set('Authorization', auth).send(body);
  const ledger = async (query: string, auth = assessor) => (await readCaughtUp(t, `/api/v1/rectification-ledger?${query}`, auth)).body;

  beforeAll(async () => {
    t = await startTestApp(backend);
    inspector = bearer(t, ['inspector']);
    assessor = bearer(t, ['assessor']);
    const officer = (departmentId: string) => bearer(t, ['department_officer'], { departmentId });
    const mA = await createMatter(t, { departmentId: 'dept-a', regionCode: 'R1' });
    const mB = await createMatter(t, { departmentId: 'dept-b', regionCode: 'R1' });
    const mC = await createMatter(t, { departmentId: 'dept-c', regionCode: 'R2' });
    const log = async (matterId: string, found: string, deadline: string) =>
      (
        await post('', inspector, {
          matterId,
          category: 'other',
          description: 'defect',
          deadline: `2019-${deadline}`,
          at: at(found),
        }).expect(201)
      ).body.id as string;
    const close = async (id: string, department: string, [assigned, rectified, verified]: string[]) => {
      await post(`/${id}/assign`, inspector, { at: at(assigned) }).expect(200);
      await post(`/${id}/rectifications`, officer(department), { note: 'fixed', at: at(rectified) }).expect(200);
      await post(`/${id}/verification`, inspector, { passed: true, at: at(verified) }).expect(200);
    };
    const i1 = await log(mA, '03-01', '03-15');
    await close(i1, 'dept-a', ['03-02', '03-10', '03-12']);
    const i2 = await log(mA, '03-05', '03-20');
    await post(`/${i2}/assign`, inspector, { at: at('03-06') }).expect(200);
    await log(mB, '03-08', '04-30');
    await log(mC, '04-01', '04-10');
    const i5 = await log(mC, '03-01', '03-10');
    await close(i5, 'dept-c', ['03-02', '03-05', '03-06']);
    await post(`/${i5}/reopen`, inspector, { reason: 'regression', deadline: '2019-03-25', at: at('03-20') }).expect(200);
  }, 60_000);
  afterAll(() => t.close());

  it('is empty before anything was found', async () => {
    expect(await ledger('asOf=2019-02-28')).toMatchObject({ found: 0, closed: 0, open: 0, overdue: 0, byDepartment: [], byRegion: [] });
  });

  it('counts as of 15 March: two closed, none overdue yet', async () => {
    expect(await ledger('asOf=2019-03-15')).toMatchObject({ asOf: '2019-03-15', found: 4, closed: 2, open: 2, overdue: 0 });
  });

  it('counts as of 26 March by department and region, the reopened issue open again and overdue', async () => {
    const view = await ledger('asOf=2019-03-26');
    expect(view).toMatchObject({ found: 4, closed: 1, open: 3, overdue: 2 });
    expect(view.byDepartment).toEqual([
      { departmentId: 'dept-a', found: 2, closed: 1, open: 1, overdue: 1 },
      { departmentId: 'dept-b', found: 1, closed: 0, open: 1, overdue: 0 },
      { departmentId: 'dept-c', found: 1, closed: 0, open: 1, overdue: 1 },
    ]);
    expect(view.byRegion).toEqual([
      { regionCode: 'R1', found: 3, closed: 1, open: 2, overdue: 1 },
      { regionCode: 'R2', found: 1, closed: 0, open: 1, overdue: 1 },
    ]);
  });

  it('counts as of 15 April, with filters and items', async () => {
    expect(await ledger('asOf=2019-04-15')).toMatchObject({ found: 5, closed: 1, open: 4, overdue: 3 });
    expect(await ledger('asOf=2019-04-15&departmentId=dept-c')).toMatchObject({ found: 2, closed: 0, open: 2, overdue: 2 });
    expect(await ledger('asOf=2019-04-15&regionCode=R1')).toMatchObject({ found: 3, closed: 1, open: 2, overdue: 1 });
    const withItems = await ledger('asOf=2019-03-15&items=true&pageSize=10');
    expect(withItems.items).toHaveLength(4);
    expect(withItems.items.filter((i: { status: string }) => i.status === 'closed')).toHaveLength(2);
  });

  it('is for assessors and inspectors, scoped to the caller’s department where it has one', async () => {
    await readCaughtUp(t, '/api/v1/rectification-ledger', bearer(t, ['window_staff']), 403);
    await readCaughtUp(t, '/api/v1/rectification-ledger?asOf=2019-03-26', inspector);
    const scoped = await ledger('asOf=2019-03-26', bearer(t, ['assessor'], { departmentId: 'dept-b' }));
    expect(scoped).toMatchObject({ found: 1, open: 1, byDepartment: [{ departmentId: 'dept-b' }] });
    await readCaughtUp(t, '/api/v1/rectification-ledger?asOf=2019-13-45x', assessor, 400);
  });
});
