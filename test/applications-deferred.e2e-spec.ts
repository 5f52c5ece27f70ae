import request from 'supertest';
import { CommandExecutor } from '@app/event-store';
import { testBackends } from '@app/event-store/testing';
import { applications } from '@app/matters';
import { command, DEPT_A, on, publishedMatter, readApplication, staff, submitted } from './support/applications';
import { headPosition } from './support/quality-fixtures';
import { startTestApp, TestApp } from './support/test-app';

/**
 * 容缺受理 over HTTP (api.md "容缺受理 and follow-up cases"): acceptance with materials outstanding,
 * their default and explicit due dates around National Day 2019, the refusals, the receipt, and a
 * return (退件) that counts as accepted but never as overdue.
 */
jest.setTimeout(60_000);

const MATERIAL = '申请书 application form';

describe.each(testBackends())('applications: 容缺受理 on %s', (backend) => {
  let t: TestApp;
  let clerk: string;
  let matterId: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    clerk = staff(t);
    matterId = await publishedMatter(t, { promisedDays: 5 });
  });
  afterAll(() => t.close());

  const refused = async (path: string, body: object, status: number) => {
    const before = await headPosition(t);
    const response = await command(t, clerk, path, body).expect(status);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await headPosition(t)).toBe(before);
    return response.body;
  };

  it('accepts with deferred materials due by default DEFERRED_DUE_WORKDAYS (5) working days later, across National Day', async () => {
    const { id } = await submitted(t, matterId);
    // Fri 27 Sep: Sun 29 Sep is a make-up working day, 1–7 Oct are off → the 5th working day is 10 Oct, the deadline itself
    const accepted = await command(t, clerk, `/${id}/accept`, { at: on('2019-09-27'), deferredMaterials: [MATERIAL] }).expect(200);
    expect(accepted.body).toEqual({ id, version: 2, position: expect.any(Number) });
    expect(await readApplication(t, clerk, id, 2, '2019-09-27')).toMatchObject({
      status: 'accepted',
      deadline: '2019-10-10',
      deferredMaterials: { items: [MATERIAL], dueOn: '2019-10-10', receivedOn: null },
      feedbackCaseId: null,
    });

    // completing before the materials came is refused
    await refused(`/${id}/complete`, { outcome: 'approved', visits: 0, at: on('2019-10-08') }, 409);
    const received = await command(t, clerk, `/${id}/deferred-materials`, { at: on('2019-10-08') }).expect(200);
    expect(received.body).toMatchObject({ id, version: 3 });
    expect(await readApplication(t, clerk, id, 3)).toMatchObject({
      status: 'accepted',
      deferredMaterials: { items: [MATERIAL], dueOn: '2019-10-10', receivedOn: '2019-10-08' },
    });
    const again = await refused(`/${id}/deferred-materials`, { at: on('2019-10-09') }, 409);
    expect(again.detail).toMatch(/no deferred materials are outstanding/);
    await command(t, clerk, `/${id}/complete`, { outcome: 'approved', visits: 0, at: on('2019-10-09') }).expect(200);
  });

  it('takes an explicit due date, and an ordinary acceptance has no deferred materials', async () => {
    const { id } = await submitted(t, matterId);
    await command(t, clerk, `/${id}/accept`, { at: on('2019-09-27'), deferredMaterials: [MATERIAL], deferredDueOn: '2019-10-08' }).expect(
      200,
    );
    expect(await readApplication(t, clerk, id, 2)).toMatchObject({ deferredMaterials: { dueOn: '2019-10-08', receivedOn: null } });

    const plain = await submitted(t, matterId);
    await command(t, clerk, `/${plain.id}/accept`, { at: on('2019-09-27') }).expect(200);
    expect(await readApplication(t, clerk, plain.id, 2)).toMatchObject({ status: 'accepted', deferredMaterials: null });
    const none = await refused(`/${plain.id}/deferred-materials`, {}, 409);
    expect(none.status).toBe(409);
  });

  it('refuses an unknown material, an empty list, a due date after the deadline or without materials (400), appending nothing', async () => {
    const { id } = await submitted(t, matterId);
    const unknown = await refused(`/${id}/accept`, { at: on('2019-09-27'), deferredMaterials: ['营业执照 licence'] }, 400);
    expect(unknown.errors).toEqual([expect.objectContaining({ field: 'deferredMaterials[0]' })]);
    await refused(`/${id}/accept`, { at: on('2019-09-27'), deferredMaterials: [] }, 400);
    const late = await refused(`/${id}/accept`, { at: on('2019-09-27'), deferredMaterials: [MATERIAL], deferredDueOn: '2019-10-11' }, 400);
    expect(late.errors).toEqual([{ field: 'deferredDueOn', message: expect.stringMatching(/after the deadline 2019-10-10/) }]);
    await refused(`/${id}/accept`, { at: on('2019-09-27'), deferredMaterials: [MATERIAL], deferredDueOn: '2019-09-27' }, 400);
    await refused(`/${id}/accept`, { at: on('2019-09-27'), deferredDueOn: '2019-10-08' }, 400);
    await refused(`/${id}/accept`, { at: on('2019-09-27'), deferredMaterials: [MATERIAL], deferredDueOn: '2019-13-01' }, 400);
    expect(await readApplication(t, clerk, id, 1)).toMatchObject({ status: 'submitted', deferredMaterials: null });
  });

  it('shows a return (退件) as returned: counted as accepted, never overdue, not in the overdue list', async () => {
    const dept = 'dept-returns';
    const matter = await publishedMatter(t, { departmentId: dept, promisedDays: 5 });
    const clerkOf = staff(t, dept);
    const submit = async () =>
      (
        await command(t, clerkOf, '', {
          matterId: matter,
          channel: 'window',
          applicant: { kind: 'person', name: '李四', idNumber: '330602199001015678' },
          at: on('2019-09-24'),
        }).expect(201)
      ).body.id as string;
    const [returned, open] = [await submit(), await submit()];
    await command(t, clerkOf, `/${returned}/accept`, {
      at: on('2019-09-27'),
      deferredMaterials: [MATERIAL],
      deferredDueOn: '2019-10-09',
    }).expect(200);
    await command(t, clerkOf, `/${open}/accept`, { at: on('2019-09-27') }).expect(200);
    // the sweep's return, 15 working days after the due date (30 Oct), through the one command path
    const executor = t.app.get(CommandExecutor);
    const context = (at: string) => ({
      actor: { userId: 'system:sweep', roles: ['admin'] },
      at,
      correlationId: 'test-return',
      command: 'sweep',
    });
    await executor.execute(
      applications,
      returned,
      { type: 'application.suspend_for_deferred_materials', data: { at: on('2019-10-10') } },
      context(on('2019-10-10')),
    );
    await executor.execute(
      applications,
      returned,
      { type: 'application.return', data: { at: on('2019-10-30'), afterWorkdays: 15 } },
      context(on('2019-10-30')),
    );
    expect(await readApplication(t, clerkOf, returned, 4)).toMatchObject({ status: 'returned', overdue: false, completedOn: null });
    expect(await readApplication(t, clerkOf, returned, 4, '2019-10-29')).toMatchObject({ overdue: false });

    const list = async (query: Record<string, string>) => {
      const response = await request(t.http).get('/api/v1/applications').query(query).set('Authorization', `Bearer ${clerkOf}`).expect(200);
      return (response.body.items as { id: string }[]).map((item) => item.id);
    };
    expect(await list({ overdue: 'true' })).toEqual([open]);
    expect(await list({ overdue: 'false' })).toEqual([returned]);
    expect(await list({ status: 'returned' })).toEqual([returned]);
    await command(t, clerkOf, `/${returned}/deferred-materials`, {}).expect(409);
  });

  it('documents the new routes and fields at /docs-json', async () => {
    const { body: doc } = await request(t.http).get('/docs-json').expect(200);
    expect(doc.paths['/api/v1/applications/{id}/deferred-materials'].post.responses['409']).toBeDefined();
    expect(Object.keys(doc.components.schemas.AcceptApplicationDto.properties)).toEqual(
      expect.arrayContaining(['at', 'deferredMaterials', 'deferredDueOn']),
    );
    expect(doc.components.schemas.ApplicationView.properties).toHaveProperty('deferredMaterials');
    expect(doc.components.schemas.ApplicationView.properties).toHaveProperty('feedbackCaseId');
    expect(DEPT_A).toBe('dept-market');
  });
});
