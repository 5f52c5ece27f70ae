import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';
import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import type { Role } from '@app/http';
import { assertSafeResponse } from '../support/response-safety';
import { startLoggedApi, type LoggedApi } from '../support/security-api-process';
import { applicationBody, ID_NUMBER, matterBody } from '../support/security-world';
import { TEST_JWT_SECRET } from '../support/test-app';

jest.setTimeout(180_000);

/** The id number in clear, and its part that the mask (`3306**********1234`) hides. */
const CLEAR = [ID_NUMBER, ID_NUMBER.slice(4, 14)];
const NAME = '张三丰';

/** Every file under `dir`, as raw bytes. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));

/**
 * The running service (its own process, LOG_LEVEL=debug) gets a real application and a series of
 * invalid ones carrying an id number: the number appears in no error response, no log line, and
 * (PGlite) no byte of the database files; (PostgreSQL) no row of any table.
 */
describe.each(testBackends())('personal data: never in clear in logs, errors or storage, on %s', (backend) => {
  let api: LoggedApi;
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });
  const token = (role: Role) =>
    jwt.sign({ sub: `${role}-1`, roles: [role], departmentId: 'dept-a' }, { algorithm: 'HS256', expiresIn: '1h' });
  const post = (path: string, role: Role, body: string | object, headers: Record<string, string> = {}) =>
    request(api.url)
      .post(path)
      .set({ Authorization: `Bearer ${token(role)}`, 'Content-Type': 'application/json', ...headers })
      .send(typeof body === 'string' ? body : JSON.stringify(body));
  const expectNoClear = (text: string, where: string) => {
    for (const clear of CLEAR) if (text.includes(clear)) throw new Error(`${where} contains ${clear}`);
  };

  beforeAll(async () => {
    api = await startLoggedApi(backend, { LOG_LEVEL: 'debug' });
  });
  afterAll(() => api?.dispose());

  it('keeps the id number out of error responses, logs and the stored data', async () => {
    const registered = await post(
      '/api/v1/matters',
      'catalog_admin',
      matterBody({ code: 'PD-001', at: '2019-01-02T09:00:00+08:00' }),
    ).expect(201);
    const matterId: string = registered.body.id;
    await post(`/api/v1/matters/${matterId}/publish`, 'catalog_admin', {
      effectiveFrom: '2019-01-02',
      at: '2019-01-02T09:00:00+08:00',
    }).expect(200);
    const valid = applicationBody(matterId);
    const submitted = await post('/api/v1/applications', 'window_staff', valid, { 'Idempotency-Key': 'pd-logs-0001' }).expect(201);
    expectNoClear(submitted.text, 'the submit response');

    const invalid: [string, string | object, number][] = [
      ['an unknown field holding it', { ...valid, note: ID_NUMBER }, 400],
      ['a bad channel', { ...valid, channel: ID_NUMBER }, 400],
      ['a bad kind', applicationBody(matterId, ID_NUMBER, { kind: ID_NUMBER }), 400],
      ['it as a number', applicationBody(matterId, Number(ID_NUMBER) as never), 400],
      ['it with a NUL', applicationBody(matterId, `${ID_NUMBER}\u0000`), 400],
      ['an unknown matter', applicationBody('00000000-0000-4000-8000-000000000000'), 404],
      ['a matter id made of it', applicationBody(ID_NUMBER), 400],
      ['malformed JSON', `{"applicant":{"idNumber":"${ID_NUMBER}"`, 400],
      ['an oversized body', applicationBody(matterId, ID_NUMBER, { name: '张'.repeat(100_000) }), 413],
    ];
    for (const [what, body, status] of invalid) {
      const response = await post('/api/v1/applications', 'window_staff', body);
      expect([what, response.status]).toEqual([what, status]);
      assertSafeResponse(response, what);
      expectNoClear(response.text, `the ${status} for ${what}`);
    }
    const replayed = await post(
      '/api/v1/applications',
      'window_staff',
      { ...valid, channel: 'mobile' },
      { 'Idempotency-Key': 'pd-logs-0001' },
    );
    expect(replayed.status).toBe(409);
    expectNoClear(replayed.text, 'the idempotency conflict');
    // the one legitimate clear read: audited, and still not logged
    const disclosed = await request(api.url)
      .get(`/api/v1/applications/${submitted.body.id}/applicant`)
      .set('Authorization', `Bearer ${token('window_staff')}`)
      .expect(200);
    expect(disclosed.body.idNumber).toBe(ID_NUMBER);

    await api.stop();
    const logs = api.output();
    expect(logs).toContain('"correlationId"'); // the request log lines were captured
    expect(logs).toContain('/api/v1/applications');
    expectNoClear(logs, 'the service’s log output');
    expect(logs).not.toContain(NAME);

    if (backend === 'pglite') {
      for (const file of filesUnder(api.dataDir)) {
        const bytes = readFileSync(file);
        for (const clear of [...CLEAR, NAME])
          if (bytes.includes(Buffer.from(clear, 'utf8'))) throw new Error(`${file} holds ${clear} in clear`);
      }
    } else {
      const client = new Client({ connectionString: api.database?.url });
      await client.connect();
      try {
        const { rows: tables } = await client.query<{ name: string }>(
          "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        );
        expect(tables.length).toBeGreaterThan(3);
        for (const { name } of tables) {
          const { rows } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name} t WHERE t::text LIKE ANY($1)`, [
            [...CLEAR, NAME].map((clear) => `%${clear}%`),
          ]);
          expect([name, rows[0].n]).toEqual([name, 0]);
        }
      } finally {
        await client.end();
      }
    }
  });
});
