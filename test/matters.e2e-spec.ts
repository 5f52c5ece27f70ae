import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { bearer, MARKET, registerBody } from './matters-e2e.fixtures';
import { startTestApp, TestApp } from './support/test-app';

/** The catalogue lifecycle through HTTP, with the read model and the history checked after each step. */
describe.each(testBackends())('matters lifecycle on %s', (backend) => {
  let t: TestApp;
  let admin: string;
  let reader: string;

  beforeAll(async () => {
    t = await startTestApp(backend);
    admin = t.token({ roles: ['catalog_admin'], sub: 'cat-admin-1' });
    reader = t.token({ roles: ['assessor'] });
  });
  afterAll(() => t.close());

  const read = async (id: string, position: number) => {
    const response = await request(t.http).get(`/api/v1/matters/${id}?minPosition=${position}`).set(bearer(reader)).expect(200);
    expect(response.headers.etag).toBe(`"${response.body.version}"`);
    return response.body;
  };
  const history = async (id: string) =>
    (await request(t.http).get(`/api/v1/matters/${id}/history`).set(bearer(reader)).expect(200)).body as Array<Record<string, unknown>>;
  const command = async (id: string, path: string, body: object, version: number) => {
    const response = await request(t.http).post(`/api/v1/matters/${id}/${path}`).set(bearer(admin)).send(body).expect(200);
    expect(response.body).toEqual({ id, version, position: expect.any(Number) });
    expect(response.headers.etag).toBe(`"${version}"`);
    return response.body as { id: string; version: number; position: number };
  };

  it('registers, publishes, revises, suspends, resumes and retires a matter', async () => {
    const body = registerBody();
    const registered = await request(t.http).post('/api/v1/matters').set(bearer(admin)).send(body).expect(201);
    const { id } = registered.body;
    expect(registered.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), version: 1, position: expect.any(Number) });
    expect(registered.headers.etag).toBe('"1"');

    const draft = await read(id, registered.body.position);
    expect(draft).toMatchObject({
      id,
      code: body.code,
      status: 'draft',
      version: 1,
      catalogueVersion: null,
      effectiveFrom: null,
      name: body.name,
      departmentId: MARKET,
      regionCode: '330602',
      handlingType: 'promised',
      legalTimeLimit: { value: 20, unit: 'workday' },
      promisedTimeLimit: { value: 3, unit: 'workday' },
      maxVisits: 0,
      channels: { online: true, mobile: false },
      exemptions: body.exemptions,
      materials: body.materials,
      versions: [],
      statusPeriods: [],
      registeredAt: '2019-03-01T01:00:00.000Z',
    });
    expect(await history(id)).toEqual([
      {
        type: 'matter.registered',
        version: 1,
        position: registered.body.position,
        at: body.at,
        recordedAt: expect.any(String),
        actor: 'cat-admin-1',
        data: expect.objectContaining({ matterId: id, code: body.code }),
      },
    ]);

    const published = await command(id, 'publish', { effectiveFrom: '2019-03-01', at: '2019-03-01T10:00:00+08:00' }, 2);
    expect(await read(id, published.position)).toMatchObject({
      status: 'published',
      version: 2,
      catalogueVersion: 1,
      effectiveFrom: '2019-03-01',
      versions: [{ version: 1, effectiveFrom: '2019-03-01', at: '2019-03-01T10:00:00+08:00' }],
      statusPeriods: [{ status: 'published', from: '2019-03-01' }],
    });

    const revision = { maxVisits: 1, exemptions: { zeroVisit: { reason: '须现场勘验 on-site inspection' } } };
    const revised = await command(id, 'revisions', { ...revision, effectiveFrom: '2019-07-01', at: '2019-06-15T09:00:00+08:00' }, 3);
    expect(await read(id, revised.position)).toMatchObject({
      status: 'published',
      version: 3,
      catalogueVersion: 2,
      effectiveFrom: '2019-07-01',
      maxVisits: 1,
      exemptions: revision.exemptions,
      channels: { online: true, mobile: false },
      versions: [
        { version: 1, effectiveFrom: '2019-03-01' },
        { version: 2, effectiveFrom: '2019-07-01' },
      ],
    });

    // 01:00 in Shanghai is still 31 July in UTC: the business date is that of BUSINESS_TZ
    const suspended = await command(id, 'suspend', { reason: '法规修订 law under review', at: '2019-08-01T01:00:00+08:00' }, 4);
    expect(await read(id, suspended.position)).toMatchObject({
      status: 'suspended',
      statusReason: '法规修订 law under review',
      statusPeriods: [
        { status: 'published', from: '2019-03-01' },
        { status: 'suspended', from: '2019-08-01', reason: '法规修订 law under review' },
      ],
    });

    const resumed = await command(id, 'resume', { at: '2019-08-10T09:00:00+08:00' }, 5);
    expect(await read(id, resumed.position)).toMatchObject({ status: 'published', statusReason: null, version: 5 });

    const retired = await command(id, 'retire', { reason: '事项取消 abolished', at: '2019-12-31T09:00:00+08:00' }, 6);
    const final = await read(id, retired.position);
    expect(final).toMatchObject({ status: 'retired', statusReason: '事项取消 abolished', version: 6, catalogueVersion: 2 });
    expect(final.statusPeriods.map((p: { status: string; from: string }) => `${p.status}@${p.from}`)).toEqual([
      'published@2019-03-01',
      'suspended@2019-08-01',
      'published@2019-08-10',
      'retired@2019-12-31',
    ]);

    const events = await history(id);
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['matter.registered', 1],
      ['matter.published', 2],
      ['matter.revised', 3],
      ['matter.suspended', 4],
      ['matter.resumed', 5],
      ['matter.retired', 6],
    ]);
    const positions = events.map((e) => e.position as number);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(events[2].data).toMatchObject({ version: 2, effectiveFrom: '2019-07-01', changes: revision });
    expect(events[3]).toMatchObject({ at: '2019-08-01T01:00:00+08:00', data: { effectiveFrom: '2019-08-01' } });
  });

  it('lists matters by department, region, status and a text in code or name, paged', async () => {
    const tag = `LST${Date.now().toString(36)}`.toUpperCase();
    const bodies = [
      registerBody({ code: `${tag}-1`, name: '食品经营许可 food licence' }),
      registerBody({ code: `${tag}-2`, name: '药品零售许可 pharmacy licence', regionCode: '330603' }),
      registerBody({ code: `${tag}-3`, name: '个体户登记 sole trader', departmentId: 'dept-other' }),
    ];
    let position = 0;
    const ids: string[] = [];
    for (const body of bodies) {
      const response = await request(t.http).post('/api/v1/matters').set(bearer(admin)).send(body).expect(201);
      ids.push(response.body.id);
      position = response.body.position;
    }
    const published = await command(ids[0], 'publish', { effectiveFrom: '2019-03-01' }, 2);
    position = Math.max(position, published.position);

    const list = (query: string) => request(t.http).get(`/api/v1/matters?minPosition=${position}&${query}`).set(bearer(reader)).expect(200);

    const all = await list(`q=${tag.toLowerCase()}`);
    expect(all.body).toMatchObject({ page: 1, pageSize: 50, total: 3 });
    expect(all.body.items.map((m: { code: string }) => m.code)).toEqual([`${tag}-1`, `${tag}-2`, `${tag}-3`]);
    expect(all.body.items[0]).toEqual({
      id: ids[0],
      code: `${tag}-1`,
      name: '食品经营许可 food licence',
      departmentId: MARKET,
      regionCode: '330602',
      status: 'published',
      handlingType: 'promised',
      version: 2,
      catalogueVersion: 1,
      effectiveFrom: '2019-03-01',
    });
    expect((await list(`q=pharmacy`)).body.items.map((m: { id: string }) => m.id)).toEqual([ids[1]]);
    expect((await list(`q=${tag}&regionCode=330603`)).body.items.map((m: { id: string }) => m.id)).toEqual([ids[1]]);
    expect((await list(`q=${tag}&departmentId=dept-other`)).body.items.map((m: { id: string }) => m.id)).toEqual([ids[2]]);
    expect((await list(`q=${tag}&status=published`)).body.items.map((m: { id: string }) => m.id)).toEqual([ids[0]]);
    expect((await list(`q=${tag}&status=draft&departmentId=${MARKET}`)).body.items.map((m: { id: string }) => m.id)).toEqual([ids[1]]);
    const page2 = await list(`q=${tag}&page=2&pageSize=2`);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 2, total: 3, items: [{ id: ids[2] }] });
    expect((await list('q=%25')).body.total).toBe(0); // a literal %, not a wildcard
  });

  it('documents every matters route in the OpenAPI description', async () => {
    const { body } = await request(t.http).get('/docs-json').expect(200);
    for (const path of ['', '/{id}', '/{id}/history', '/{id}/publish', '/{id}/revisions', '/{id}/suspend', '/{id}/resume', '/{id}/retire'])
      expect(body.paths[`/api/v1/matters${path}`]).toBeDefined();
    expect(body.paths['/api/v1/matters'].post.responses).toEqual(
      expect.objectContaining({ 201: expect.anything(), 400: expect.anything(), 409: expect.anything(), 412: expect.anything() }),
    );
    expect(body.paths['/api/v1/matters/{id}'].get.responses[404].description).toMatch(/another department/);
    expect(body.components.schemas.RegisterMatterDto.required).toEqual(expect.arrayContaining(['code', 'handlingType', 'materials']));
  });
});
