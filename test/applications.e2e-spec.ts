import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { command, on, publishedMatter, readApplication, staff, submitted } from './support/applications';
import { startTestApp, TestApp } from './support/test-app';

/**
 * One application through its whole lifecycle around National Day 2019, reading the read model
 * after each step: 27 Sep (Fri) is day 0; 29 Sep (Sun) and 12 Oct (Sat) are make-up working days,
 * 1–7 Oct are off — so the promised 5 working days end on 10 Oct, and every paused working day
 * moves that date along the calendar.
 */
jest.setTimeout(60_000);

describe.each(testBackends())('applications: the 办件 lifecycle on %s', (backend) => {
  let t: TestApp;
  let clerk: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    clerk = staff(t);
  });
  afterAll(() => t.close());

  it('runs submission → supplement → acceptance → special procedure → suspension → completion → delivery → evaluation', async () => {
    const matterId = await publishedMatter(t, { promisedDays: 5 });
    const { id } = await submitted(t, matterId, on('2019-09-24'));
    const step = async (path: string, body: object, expectVersion: number) => {
      const response = await command(t, clerk, `/${id}/${path}`, body).expect(200);
      expect(response.body).toEqual({ id, version: expectVersion, position: expect.any(Number) });
      expect(response.headers.etag).toBe(`"${expectVersion}"`);
      return expectVersion;
    };
    const read = async (version: number, asOf?: string) => readApplication(t, clerk, id, version, asOf);

    expect(await read(1)).toMatchObject({
      id,
      matterId,
      status: 'submitted',
      channel: 'online',
      acceptedAt: null,
      deadline: null,
      overdue: false,
      pausedWorkdays: 0,
      version: 1,
      applicant: { kind: 'person', name: '张**', idNumber: '3306**********1234', erased: false },
    });

    let version = await step('supplement-requests', { items: ['营业执照复印件'], at: on('2019-09-24', '10:00') }, 2);
    expect(await read(version)).toMatchObject({ status: 'supplement_requested', supplementItems: ['营业执照复印件'], deadline: null });

    version = await step('supplements', { at: on('2019-09-25') }, 3);
    expect(await read(version)).toMatchObject({ status: 'submitted', supplementItems: null });

    // 07:00 in Shanghai is still 26 Sep in UTC: the business date is what counts
    version = await step('accept', { at: '2019-09-27T07:00:00+08:00' }, 4);
    expect(await read(version, '2019-09-27')).toMatchObject({
      status: 'accepted',
      acceptedOn: '2019-09-27',
      deadline: '2019-10-10',
      pausedWorkdays: 0,
      overdue: false,
    });

    version = await step('special-procedures', { kind: '听证 hearing', at: on('2019-09-30') }, 5);
    expect(await read(version, '2019-10-08')).toMatchObject({ status: 'special_procedure', pausedWorkdays: 1, deadline: '2019-10-11' });

    version = await step('special-procedures/end', { at: on('2019-10-09') }, 6);
    // (30 Sep, 9 Oct] holds two working days (8 and 9 Oct): 7 working days after 27 Sep is Saturday 12 Oct, a make-up day
    expect(await read(version, '2019-10-09')).toMatchObject({ status: 'accepted', pausedWorkdays: 2, deadline: '2019-10-12' });

    version = await step('suspend', { reason: '等待外部核查', at: on('2019-10-10') }, 7);
    expect(await read(version, '2019-10-12')).toMatchObject({ status: 'suspended', pausedWorkdays: 4, deadline: '2019-10-15' });

    version = await step('resume', { at: on('2019-10-14') }, 8);
    expect(await read(version, '2019-10-14')).toMatchObject({ status: 'accepted', pausedWorkdays: 5, deadline: '2019-10-16' });

    version = await step('complete', { outcome: 'approved', visits: 1, at: on('2019-10-16', '16:00') }, 9);
    const done = await read(version);
    expect(done).toMatchObject({
      status: 'completed',
      completedOn: '2019-10-16',
      deadline: '2019-10-16',
      overdue: false,
      pausedWorkdays: 5,
      outcome: 'approved',
      visits: 1,
    });
    expect(done.pauses).toEqual([
      { kind: 'special_procedure', detail: '听证 hearing', startedAt: on('2019-09-30'), endedAt: on('2019-10-09') },
      { kind: 'suspension', detail: '等待外部核查', startedAt: on('2019-10-10'), endedAt: on('2019-10-14') },
    ]);

    version = await step('deliver', { method: 'post', at: on('2019-10-17') }, 10);
    expect(await read(version)).toMatchObject({ status: 'delivered', delivery: { method: 'post', at: on('2019-10-17') } });

    version = await step('evaluation', { score: 5, comment: '办事快', at: on('2019-10-18') }, 11);
    const evaluated = await read(version);
    expect(evaluated).toMatchObject({
      status: 'delivered',
      evaluation: { score: 5, comment: '办事快', at: on('2019-10-18') },
      version: 11,
    });

    const list = await request(t.http)
      .get('/api/v1/applications')
      .query({ status: 'delivered', overdue: 'false' })
      .set('Authorization', `Bearer ${clerk}`)
      .expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('lists by department, status and overdue as of today, and answers any date with ?asOf', async () => {
    const dept = 'dept-overdue';
    const matterId = await publishedMatter(t, { departmentId: dept, promisedDays: 5 });
    const clerkOf = staff(t, dept);
    const submit = async () =>
      (
        await command(t, clerkOf, '', {
          matterId,
          channel: 'window',
          applicant: { kind: 'organisation', name: '某某有限公司', idNumber: '91330600MA2BC3D45E' },
          at: on('2019-09-24'),
        }).expect(201)
      ).body.id as string;
    const run = async (id: string, path: string, body: object) =>
      (await command(t, clerkOf, `/${id}/${path}`, body).expect(200)).body.version as number;
    const [open, late, paused, waiting] = [await submit(), await submit(), await submit(), await submit()];
    for (const id of [open, late, paused]) await run(id, 'accept', { at: on('2019-09-27') });
    await run(late, 'complete', { outcome: 'denied', visits: 0, at: on('2019-10-11') });
    const last = await run(paused, 'suspend', { reason: '等待鉴定', at: on('2019-10-08') });
    // the read model applies events in order: once it shows the last one, it shows them all
    await readApplication(t, clerkOf, paused, last);

    const list = async (query: Record<string, string>) => {
      const response = await request(t.http).get('/api/v1/applications').query(query).set('Authorization', `Bearer ${clerkOf}`).expect(200);
      return (response.body.items as { id: string }[]).map((item) => item.id).sort();
    };
    expect(await list({ overdue: 'true' })).toEqual([open, late].sort());
    expect(await list({ overdue: 'false' })).toEqual([paused, waiting].sort());
    expect(await list({ status: 'suspended' })).toEqual([paused]);
    expect(await list({ departmentId: dept, status: 'accepted', overdue: 'true' })).toEqual([open]);
    const page = await request(t.http)
      .get('/api/v1/applications')
      .query({ pageSize: 3, page: 2 })
      .set('Authorization', `Bearer ${clerkOf}`)
      .expect(200);
    expect(page.body).toMatchObject({ page: 2, pageSize: 3, total: 4 });
    expect(page.body.items).toHaveLength(1);

    const asOf = async (date: string) => readApplication(t, clerkOf, open, 2, date);
    expect(await asOf('2019-10-10')).toMatchObject({ deadline: '2019-10-10', overdue: false });
    expect(await asOf('2019-10-11')).toMatchObject({ deadline: '2019-10-10', overdue: true });
    expect(await asOf('2019-09-26')).toMatchObject({ deadline: null, overdue: false });
    expect(await readApplication(t, clerkOf, late, 3)).toMatchObject({ completedOn: '2019-10-11', overdue: true });
  });

  it('answers the window’s worklist (?open=true&sort=deadline) with the working days left as of any date', async () => {
    const dept = 'dept-worklist';
    const matterId = await publishedMatter(t, { departmentId: dept, promisedDays: 5 });
    const clerkOf = staff(t, dept);
    const submit = async (at: string) =>
      (
        await command(t, clerkOf, '', {
          matterId,
          channel: 'online',
          applicant: { kind: 'person', name: '李四', idNumber: '330602199202021234' },
          at: on(at),
        }).expect(201)
      ).body.id as string;
    const run = async (id: string, path: string, body: object) =>
      (await command(t, clerkOf, `/${id}/${path}`, body).expect(200)).body.version as number;
    const early = await submit('2019-09-24');
    const later = await submit('2019-09-25');
    const paused = await submit('2019-09-26');
    const waiting = await submit('2019-09-20');
    const done = await submit('2019-09-23');
    await run(early, 'accept', { at: on('2019-09-27') }); // deadline 10 Oct
    await run(later, 'accept', { at: on('2019-10-08') }); // 9, 10, 11, 12 (make-up Saturday), 14 Oct
    await run(paused, 'accept', { at: on('2019-09-27') });
    await run(paused, 'suspend', { reason: '等待鉴定', at: on('2019-10-08') });
    await run(done, 'accept', { at: on('2019-09-27') });
    const last = await run(done, 'complete', { outcome: 'approved', visits: 0, at: on('2019-10-09') });
    await readApplication(t, clerkOf, done, last);

    const list = async (query: Record<string, string>, status = 200) =>
      (await request(t.http).get('/api/v1/applications').query(query).set('Authorization', `Bearer ${clerkOf}`).expect(status)).body;
    const worklist = await list({ open: 'true', sort: 'deadline' });
    // running clocks by deadline, then the paused one, then the one not yet accepted
    expect(worklist.items.map((item: { id: string }) => item.id)).toEqual([early, later, paused, waiting]);
    expect(worklist.items[3].workdaysLeft).toBeNull();
    expect(worklist.items[0].workdaysLeft).toBeLessThan(0); // today is years past 10 Oct 2019
    expect((await list({ open: 'false' })).items.map((item: { id: string }) => item.id)).toEqual([done]);
    expect((await list({ sort: 'soonest' }, 400)).errors[0].field).toBe('sort');

    const left = async (id: string, asOf: string) => (await readApplication(t, clerkOf, id, 1, asOf)).workdaysLeft;
    expect(await left(early, '2019-09-28')).toBe(5); // 29 Sep (make-up Sunday), 30 Sep, 8, 9, 10 Oct
    expect(await left(early, '2019-09-30')).toBe(3); // 1–7 Oct off
    expect(await left(early, '2019-10-10')).toBe(0);
    expect(await left(early, '2019-10-14')).toBe(-3);
    expect(await left(later, '2019-10-08')).toBe(5);
    expect(await left(done, '2019-10-08')).toBe(2); // open on that date
    expect(await left(done, '2019-10-09')).toBeNull(); // completed
  });

  it('documents every applications route, its body and its problem+json answers at /docs-json', async () => {
    const { body: doc } = await request(t.http).get('/docs-json').expect(200);
    const paths = doc.paths as Record<string, Record<string, { requestBody?: unknown; responses: Record<string, { content?: object }> }>>;
    expect(paths['/api/v1/applications'].post.requestBody).toBeDefined();
    expect(paths['/api/v1/applications'].get).toBeDefined();
    expect(paths['/api/v1/applications/{id}'].get.responses['404'].content).toHaveProperty(['application/problem+json']);
    expect(paths['/api/v1/applications/{id}/applicant'].delete.responses['204']).toBeDefined();
    for (const action of [
      'accept',
      'reject',
      'supplement-requests',
      'supplements',
      'special-procedures',
      'special-procedures/end',
      'suspend',
      'resume',
      'complete',
      'deliver',
      'evaluation',
      'deferred-materials',
      're-evaluation',
    ]) {
      const operation = paths[`/api/v1/applications/{id}/${action}`].post;
      expect(operation.responses['200']).toBeDefined();
      for (const status of ['400', '401', '403', '404', '409', '412', '413', '429'])
        expect(operation.responses[status]?.content).toHaveProperty(['application/problem+json']);
    }
    expect(doc.components.schemas.SubmitApplicationDto.required).toEqual(expect.arrayContaining(['matterId', 'channel', 'applicant']));
  });
});
