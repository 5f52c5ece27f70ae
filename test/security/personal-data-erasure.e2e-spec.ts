import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { SQL_CLIENT, type SqlClient } from '@app/event-store';
import { eventCount } from '../support/quality-fixtures';
import { crossCheck, numbersOf } from '../support/scenario-app';
import { applicationBody, auth, freshMatter, ID_NUMBER, tokenFor } from '../support/security-world';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(120_000);

const ASSESSMENT = '/api/v1/assessment?asOf=2019-10-31&from=2019-01-01&to=2019-10-31';
const CHANNELS = ['online', 'mobile', 'window'] as const;

/** Crypto-shredding: erasing an applicant's key makes their data unreadable for good; the indicators do not move. */
describe.each(testBackends())('personal data: erasure and the indicators on %s', (backend) => {
  let t: TestApp;
  let ids: string[];

  const sql = () => t.app.get<SqlClient>(SQL_CLIENT);
  const clearRows = async (table: string, column: string) =>
    (await sql().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${column}::text LIKE $1`, [`%${ID_NUMBER}%`]))[0].n;

  /** The assessment once the three accepted applications are in it (polling: no dependence on unrelated projections). */
  async function assessment(): Promise<{ key: string; numerator: number; denominator: number; rate: number | null }[]> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const response = await request(t.http)
        .get(ASSESSMENT)
        .set(auth(tokenFor(t, 'assessor')));
      const indicators = response.body.indicators ?? [];
      if (indicators.find((i: { key: string }) => i.key === 'onlineAcceptanceRate')?.denominator === 3) return indicators;
      if (Date.now() > deadline) throw new Error(`assessment never counted the applications: ${response.status} ${response.text}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  beforeAll(async () => {
    t = await startTestApp(backend, { RATE_LIMIT_PER_MINUTE: '1000000' });
    const matterId = await freshMatter(t);
    ids = [];
    for (const channel of CHANNELS) {
      const submitted = await request(t.http)
        .post('/api/v1/applications')
        .set(auth(tokenFor(t, 'window_staff')))
        .set('Idempotency-Key', `erasure-${channel}-0001`)
        .send({ ...applicationBody(matterId), channel })
        .expect(201);
      ids.push(submitted.body.id);
      await request(t.http)
        .post(`/api/v1/applications/${submitted.body.id}/accept`)
        .set(auth(tokenFor(t, 'window_staff')))
        .send({ at: '2019-09-27T09:00:00+08:00' })
        .expect(200);
    }
  });
  afterAll(() => t.close());

  it('stores the id number in clear in no event, no metadata and no remembered idempotent response', async () => {
    expect(await clearRows('es_events', 'data')).toBe(0);
    expect(await clearRows('es_events', 'metadata')).toBe(0);
    expect(await clearRows('idempotency_keys', 'idempotency_keys')).toBe(0);
  });

  it('erases the applicant: the data is unreadable (410, masks only), the events stay, the indicators are identical', async () => {
    const before = await assessment();
    const crossBefore = await crossCheck(t, '2019-10-31', { from: '2019-01-01', to: '2019-10-31' });
    const events = await eventCount(t);
    const [erased, kept] = ids;

    await request(t.http)
      .delete(`/api/v1/applications/${erased}/applicant`)
      .set(auth(tokenFor(t, 'admin')))
      .expect(204);

    const staff = auth(tokenFor(t, 'window_staff'));
    await request(t.http).get(`/api/v1/applications/${erased}/applicant`).set(staff).expect(410);
    const view = await request(t.http).get(`/api/v1/applications/${erased}`).set(staff).expect(200);
    expect(view.body.applicant).toEqual({ kind: 'person', name: '张**', idNumber: '3306**********1234', erased: true });
    expect(view.text).not.toContain(ID_NUMBER);
    expect((await request(t.http).get(`/api/v1/applications/${kept}/applicant`).set(staff).expect(200)).body.idNumber).toBe(ID_NUMBER);

    expect(await eventCount(t)).toBe(events);
    const after = await assessment();
    expect(after).toEqual(before);
    expect(numbersOf(after).filter((i) => i.key.endsWith('AcceptanceRate'))).toEqual([
      { key: 'onlineAcceptanceRate', numerator: 2, denominator: 3 },
      { key: 'mobileAcceptanceRate', numerator: 1, denominator: 3 },
    ]);
    // the event log itself still yields the same indicators, computed afresh
    expect(await crossCheck(t, '2019-10-31', { from: '2019-01-01', to: '2019-10-31' })).toEqual(crossBefore);
  });
});
