import { createThrowawayDatabase, describeOnPostgres, type ThrowawayDatabase } from '@app/event-store/testing';
import { addDays, businessToday } from '@app/kernel';
import { redCardIdOf, Sweeper } from '@app/supervision';
import { admin, DEPT_A, DEPT_B, publishedMatter, sqlOf } from '../support/applications';
import { eventually, spawnTs, type Child } from '../support/child-process';
import { unsetConfiguration } from '../support/entry-point';
import { launchTestApp, type TestApp } from '../support/test-app';
import { applicationThrough, post } from '../supervision/supervision-city';

/**
 * The sweep in processes of its own on one PostgreSQL database (the test's app applies the
 * projections): SIGKILLed half-way and run again it leaves exactly one card per red application;
 * two processes started together never both sweep a date; the projection worker sweeps by itself,
 * catching up at start-up the dates missed since its last run.
 */
jest.setTimeout(180_000);

const CHILD = 'test/support/sweep-child.ts';
const RED_ON = '2019-10-11';

describeOnPostgres('supervision: the sweep across processes', () => {
  let database: ThrowawayDatabase;
  let t: TestApp;
  let red: string[];
  const children: Child[] = [];

  beforeEach(async () => {
    database = await createThrowawayDatabase('sweep');
    t = await launchTestApp({ DATABASE_URL: database.url, SWEEP_AT: 'off' });
    // eight applications accepted Friday 27 Sep with 5 promised working days: due 10 Oct, red on 11 Oct
    const matters = {
      [DEPT_A]: await publishedMatter(t, { departmentId: DEPT_A }),
      [DEPT_B]: await publishedMatter(t, { departmentId: DEPT_B }),
    };
    red = [];
    for (let index = 0; index < 8; index++) {
      const department = index % 2 === 0 ? DEPT_A : DEPT_B;
      red.push(await applicationThrough(t, matters[department], department, '2019-09-27', []));
    }
  });

  afterEach(async () => {
    for (const child of children.splice(0)) child.process.kill('SIGKILL');
    await t.close();
    await database.drop();
  });

  const start = (args: string[], env: Record<string, string> = {}) => {
    const child = spawnTs(CHILD, args, { LOG_LEVEL: 'silent', ...env });
    children.push(child);
    return child;
  };

  const streamVersions = async (streamIds: string[]) =>
    sqlOf(t).query<{ stream_id: string; n: number }>(
      `SELECT stream_id, count(*)::int AS n FROM es_events WHERE stream_id = ANY($1::text[]) GROUP BY stream_id ORDER BY stream_id`,
      [streamIds],
    );
  const cardStreams = () => red.map((id) => `red-card-${redCardIdOf(id)}`);
  const sweepEvents = async () =>
    (await sqlOf(t).query<{ n: number }>(`SELECT count(*)::int AS n FROM es_events WHERE type = 'supervision.swept'`))[0].n;

  it('killed half-way (SIGKILL) and run again, the date has exactly one card per red application', async () => {
    const killed = start(['request', database.url, RED_ON], { STEP_DELAY_MS: '400' });
    await eventually(() => /step 3/.test(killed.output.stdout), 60_000, `three steps (${killed.output.stderr})`);
    killed.process.kill('SIGKILL');
    expect(await killed.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const partial = await streamVersions(cardStreams());
    expect(partial.length).toBeGreaterThanOrEqual(3);
    expect(partial.length).toBeLessThan(red.length);
    expect(await sweepEvents()).toBe(0); // not recorded: the sweep of the date is not done

    const rerun = await post(t, admin(t), '/sweeps', { date: RED_ON }).expect(200);
    expect(rerun.body).toEqual({ date: RED_ON, cardsIssued: red.length, suspended: 0, returned: 0, noticesSent: 2 }); // A's and B's notices
    const cards = await streamVersions(cardStreams());
    expect(cards).toHaveLength(red.length);
    expect(cards.every((stream) => stream.n === 1)).toBe(true);
    expect(await sweepEvents()).toBe(1);
  });

  it('two processes started together: one sweeps the date, the other skips it (lock held) or finds it swept', async () => {
    const startAt = String(Date.now() + 6_000);
    const [first, second] = [0, 1].map(() => start(['schedule', database.url, RED_ON], { STEP_DELAY_MS: '200', START_AT: startAt }));
    const ends = await Promise.all([first.exited, second.exited]);
    expect(ends).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    const said = [first, second].map((child) => child.output.stdout.split('\n').find((line) => /^(swept|skipped)/.test(line)));
    const sweptIt = said.filter((line) => line === `swept ${RED_ON}`);
    expect(sweptIt).toHaveLength(1);
    expect(said.filter((line) => line !== `swept ${RED_ON}`)[0]).toMatch(/^(skipped|swept )$/);
    const cards = await streamVersions(cardStreams());
    expect(cards).toHaveLength(red.length);
    expect(cards.every((stream) => stream.n === 1)).toBe(true);
    expect(await sweepEvents()).toBe(1);
  });

  it('the projection worker sweeps by itself: at start-up it catches up the dates missed since its last run', async () => {
    const today = businessToday();
    const lastRun = addDays(today, -3);
    // the schedule ran last three days ago (its first run): every red application got its card then
    expect((await t.app.get(Sweeper).sweepDue(lastRun, { firstRun: true }))!.map((result) => result.date)).toEqual([lastRun]);
    const worker = spawnTs('apps/api/src/cli/projections.cli.ts', ['run'], {
      ...unsetConfiguration(),
      DATABASE_URL: database.url,
      SWEEP_AT: '00:00',
      LOG_LEVEL: 'info',
    });
    children.push(worker);
    const sweptDates = async () =>
      (
        await sqlOf(t).query<{ date: string }>(`SELECT data->>'date' AS date FROM es_events WHERE type = 'supervision.swept' ORDER BY 1`)
      ).map((row) => row.date);
    const expected = [lastRun, addDays(today, -2), addDays(today, -1), today];
    await eventually(
      async () => (await sweptDates()).length === expected.length,
      60_000,
      `the worker's catch-up (${worker.output.stderr})`,
    );
    expect(await sweptDates()).toEqual(expected);
    worker.process.kill('SIGTERM');
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const cards = await streamVersions(cardStreams());
    expect(cards).toHaveLength(red.length); // issued once, on the first run's date
  });
});
