import request from 'supertest';
import { testBackends } from '@app/event-store/testing';
import { ApplicantCipher, ApplicantDataUnreadableError, openApplicant, type SealedApplicant } from '@app/matters';
import {
  admin,
  DEPT_B,
  command,
  eventCount,
  ID_NUMBER,
  NAME,
  publishedMatter,
  readApplication,
  sqlOf,
  staff,
  submitBody,
} from './support/applications';
import { startTestApp, TestApp } from './support/test-app';

jest.setTimeout(60_000);

/** The applicant's name and id number: sealed under a key of their own, never in clear in an event; erased by deleting the key. */
describe.each(testBackends())('applications: applicant personal data on %s', (backend) => {
  let t: TestApp;
  let id: string;

  const eventsOf = (streamId: string) =>
    sqlOf(t).query<{ data: unknown; metadata: unknown }>('SELECT data, metadata FROM es_events WHERE stream_id = $1 ORDER BY version', [
      streamId,
    ]);

  beforeAll(async () => {
    t = await startTestApp(backend);
    const matterId = await publishedMatter(t);
    const response = await command(t, staff(t), '', submitBody(matterId), { 'Idempotency-Key': 'pd-submit-0001' }).expect(201);
    expect(JSON.stringify(response.body)).not.toContain(ID_NUMBER);
    id = response.body.id;
  });
  afterAll(() => t.close());

  it('writes neither the id number nor the name in clear to any event, read model or remembered response; GET shows the masks', async () => {
    for (const clear of [ID_NUMBER, NAME]) {
      const [events] = await sqlOf(t).query<{ n: number }>(
        'SELECT count(*)::int AS n FROM es_events WHERE data::text LIKE $1 OR metadata::text LIKE $1',
        [`%${clear}%`],
      );
      expect(events.n).toBe(0);
      const [rows] = await sqlOf(t).query<{ n: number }>(
        'SELECT count(*)::int AS n FROM rm_application_files_v1 WHERE state::text LIKE $1',
        [`%${clear}%`],
      );
      expect(rows.n).toBe(0);
      const [remembered] = await sqlOf(t).query<{ n: number }>('SELECT count(*)::int AS n FROM idempotency_keys WHERE body::text LIKE $1', [
        `%${clear}%`,
      ]);
      expect(remembered.n).toBe(0);
    }
    const [submitted] = await eventsOf(`application-${id}`);
    expect(submitted.data).toMatchObject({
      applicant: { kind: 'person', idNumberMasked: '3306**********1234', nameMasked: '张**', sealed: expect.any(String) },
    });
    const view = await readApplication(t, staff(t), id, 1);
    expect(view.applicant).toEqual({ kind: 'person', name: '张**', idNumber: '3306**********1234', erased: false });
    expect(JSON.stringify(view)).not.toContain(ID_NUMBER);
  });

  it('discloses the applicant in clear only to the handling window, and records each disclosure in the audit trail', async () => {
    const disclose = (token: string) => request(t.http).get(`/api/v1/applications/${id}/applicant`).set('Authorization', `Bearer ${token}`);
    const reads = async () =>
      (
        await sqlOf(t).query<{ n: number }>(
          "SELECT count(*)::int AS n FROM audit_log_v1 WHERE stream_id = $1 AND command->>'name' = 'read' AND command->>'what' = 'application.applicant'",
          [`application-${id}`],
        )
      )[0].n;
    const before = await reads();

    const response = await disclose(staff(t)).expect(200);
    expect(response.body).toEqual({ kind: 'person', name: NAME, idNumber: ID_NUMBER });
    expect(await reads()).toBe(before + 1);

    await disclose(staff(t, DEPT_B)).expect(404);
    await disclose(t.token({ roles: ['assessor'] })).expect(403);
    expect(await reads()).toBe(before + 1);
  });

  it('erasing the key (admin) leaves the events intact and the personal data unreadable for good', async () => {
    const [submitted] = await eventsOf(`application-${id}`);
    const sealed = (submitted.data as { applicant: SealedApplicant }).applicant;
    const cipher = new ApplicantCipher();
    const [keyRow] = await sqlOf(t).query<{ key: Uint8Array }>('SELECT key FROM applicant_keys WHERE key_id = $1', [sealed.keyId]);
    expect(openApplicant(sealed, Buffer.from(keyRow.key), cipher)).toEqual({ kind: 'person', name: NAME, idNumber: ID_NUMBER });

    const eventsBefore = await eventsOf(`application-${id}`);
    const count = await eventCount(t);
    await request(t.http)
      .delete(`/api/v1/applications/${id}/applicant`)
      .set('Authorization', `Bearer ${admin(t)}`)
      .expect(204);

    expect(await eventsOf(`application-${id}`)).toEqual(eventsBefore);
    expect(await eventCount(t)).toBe(count);
    expect(await sqlOf(t).query('SELECT key_id FROM applicant_keys WHERE key_id = $1', [sealed.keyId])).toEqual([]);
    expect(() => openApplicant(sealed, cipher.generateKey(), cipher)).toThrow(ApplicantDataUnreadableError);
    const view = await readApplication(t, staff(t), id, 1);
    expect(view.applicant).toEqual({ kind: 'person', name: '张**', idNumber: '3306**********1234', erased: true });
    await request(t.http)
      .get(`/api/v1/applications/${id}/applicant`)
      .set('Authorization', `Bearer ${staff(t)}`)
      .expect(410);

    // the application itself goes on; erasing again is harmless
    await command(t, staff(t), `/${id}/accept`, { at: '2019-09-27T09:00:00+08:00' }).expect(200);
    await request(t.http)
      .delete(`/api/v1/applications/${id}/applicant`)
      .set('Authorization', `Bearer ${admin(t)}`)
      .expect(204);
  });
});
