import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/event-store';
import { testBackends } from '@app/event-store/testing';
import { loadScenario } from '@app/metrics';
import { randomScenario } from '@app/metrics';
import { readEverything } from '@app/metrics';
import { getAsAssessor, loadAndProject, policiesCaughtUp } from './support/scenario-app';
import { startTestApp, type TestApp } from './support/test-app';

const REPORTS = [
  '/api/v1/assessment?asOf=2019-10-31',
  '/api/v1/assessment?asOf=2019-06-30&from=2019-03-15&to=2019-08-20',
  '/api/v1/assessment?asOf=2019-10-31&regionCode=330602',
  '/api/v1/rankings?indicator=onlineAcceptanceRate&by=department&asOf=2019-10-31',
  '/api/v1/rankings?indicator=mobileAvailability&by=region&asOf=2019-04-30',
  '/api/v1/rectification-ledger?asOf=2019-10-31',
];

describe.each(testBackends())('the bulk import of applications on %s', (backend) => {
  const plan = randomScenario(7, { matters: 120, applications: 400, issues: 25 });
  let handlers: TestApp;
  let bulk: TestApp;

  beforeAll(async () => {
    handlers = await startTestApp(backend);
    bulk = await startTestApp(backend);
    await loadAndProject(handlers, plan);
    const loaded = await loadScenario(bulk.app, plan, { bulk: true });
    if (!(await bulk.app.get(ProjectionRunner).waitForPosition(loaded.position, 120_000))) throw new Error('projections did not catch up');
    // the follow-up cases the policy opens for 差评 are part of both logs, alike (ids derived from the evaluations)
    await policiesCaughtUp(bulk);
  }, 600_000);
  afterAll(async () => {
    await handlers?.close();
    await bulk?.close();
  });

  it('writes the same events as the command handlers (same streams, versions, ids and types)', async () => {
    const shape = async (t: TestApp) =>
      (await readEverything(t.app.get<EventStore>(EVENT_STORE)))
        .map((e) => `${e.streamId}|${e.version}|${e.id}|${e.type}|${e.metadata.command}`)
        .sort();
    const [viaHandlers, viaBulk] = await Promise.all([shape(handlers), shape(bulk)]);
    expect(viaBulk.length).toBeGreaterThan(2000);
    expect(viaBulk).toEqual(viaHandlers);
  });

  it('gives the same assessment, rankings and ledger', async () => {
    for (const path of REPORTS) expect([path, await getAsAssessor(bulk, path)]).toEqual([path, await getAsAssessor(handlers, path)]);
  });

  it('seeds the directory in the bulk path too: rankings name every region and department', async () => {
    const regions = await getAsAssessor(bulk, '/api/v1/rankings?indicator=mobileAvailability&by=region&asOf=2019-10-31');
    expect(regions.rows.map((row: { regionName: string }) => row.regionName)).toContain('嵊州市');
    const departments = await getAsAssessor(bulk, '/api/v1/rankings?indicator=onlineAcceptanceRate&by=department&asOf=2019-10-31');
    expect(departments.rows.length).toBeGreaterThan(0);
    for (const row of departments.rows as { departmentId: string; departmentName: string }[])
      expect(row.departmentName).not.toBe(row.departmentId);
  });

  it('appends nothing when run again', async () => {
    const before = (await readEverything(bulk.app.get<EventStore>(EVENT_STORE))).length;
    await loadScenario(bulk.app, plan, { bulk: true });
    await policiesCaughtUp(bulk);
    expect((await readEverything(bulk.app.get<EventStore>(EVENT_STORE))).length).toBe(before);
  }, 120_000);
});
