import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { bearer, createMatter, readCaughtUp } from './support/quality-fixtures';
import { startTestApp, TestApp } from './support/test-app';

describe.each(testBackends())('automated quality checks on %s', (backend) => {
  let t: TestApp;
  let inspector: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    inspector = bearer(t, ['inspector']);
  });
  afterAll(() => t.close());

  const run = (body: object, auth = inspector) => request(t.http).post('/api/v1/quality-checks').set('Authorization', auth).send(body);
  const defects = {
    maxVisits: 1,
    materials: [
      { name: '申请书', electronic: true },
      { name: '其他材料', electronic: false },
    ],
  };

  it('logs one issue per failed rule of a matter, and nothing new on a second run', async () => {
    const matterId = await createMatter(t, { ...defects, departmentId: 'dept-x', regionCode: 'R9' });
    const first = await run({ matterId }).expect(200);
    expect(first.body.checked).toBe(1);
    expect(first.body.logged.map((l: { rule: string }) => l.rule).sort()).toEqual(['materials.catch-all', 'visits.without-reason']);
    const second = await run({ matterId }).expect(200);
    expect(second.body).toEqual({ checked: 1, logged: [] });
    const list = await readCaughtUp(t, `/api/v1/quality-issues?matterId=${matterId}`, inspector);
    expect(list.body.total).toBe(2);
    expect(list.body.items.map((i: { category: string; departmentId: string }) => [i.category, i.departmentId]).sort()).toEqual([
      ['materials_unclear', 'dept-x'],
      ['visits_without_reason', 'dept-x'],
    ]);
  });

  it('logs a rule again only after its issue was closed', async () => {
    const matterId = await createMatter(t, { maxVisits: 2 });
    const [logged] = (await run({ matterId }).expect(200)).body.logged;
    expect(logged.rule).toBe('visits.without-reason');
    const officer = bearer(t, ['department_officer'], { departmentId: 'dept-a' });
    await request(t.http).post(`/api/v1/quality-issues/${logged.issueId}/assign`).set('Authorization', inspector).send({}).expect(200);
    await request(t.http)
      .post(`/api/v1/quality-issues/${logged.issueId}/rectifications`)
      .set('Authorization', officer)
      .send({ note: 'reason added' })
      .expect(200);
    await request(t.http)
      .post(`/api/v1/quality-issues/${logged.issueId}/verification`)
      .set('Authorization', inspector)
      .send({ passed: true })
      .expect(200);
    await readCaughtUp(t, `/api/v1/quality-issues/${logged.issueId}`, inspector);
    const again = await run({ matterId }).expect(200);
    expect(again.body.logged).toEqual([{ issueId: expect.any(String), matterId, rule: 'visits.without-reason' }]);
    expect(again.body.logged[0].issueId).not.toBe(logged.issueId);
  });

  it('checks every published matter of the catalogue (not drafts) when no matter is named', async () => {
    const clean = await createMatter(t);
    const broken = await createMatter(t, { maxVisits: 0, channels: { online: false, mobile: false } });
    const draft = await createMatter(t, defects, { publish: false });
    await readCaughtUp(t, '/api/v1/quality-issues', inspector);
    const all = await run({}).expect(200);
    const matters = all.body.logged.map((l: { matterId: string }) => l.matterId);
    expect(all.body.checked).toBeGreaterThanOrEqual(2);
    expect(matters).toContain(broken);
    expect(matters).not.toContain(clean);
    expect(matters).not.toContain(draft);
    expect(all.body.logged.find((l: { matterId: string }) => l.matterId === broken).rule).toBe('zero-visit.without-online-or-post');
    await readCaughtUp(t, '/api/v1/quality-issues', inspector);
    expect((await run({}).expect(200)).body.logged).toEqual([]);
  });

  it('is for inspectors only and 404s an unknown matter', async () => {
    await run({}, bearer(t, ['department_officer'], { departmentId: 'dept-a' })).expect(403);
    const unknown = await run({ matterId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
  });
});
