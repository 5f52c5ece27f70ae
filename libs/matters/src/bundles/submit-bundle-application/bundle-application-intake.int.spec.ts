import { randomUUID } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { CommandExecutor, handleCommand, type CommandContext, type EventStore } from '@app/event-store';
import { openStoreFixture, testBackends, type StoreFixture } from '@app/event-store/testing';
import { DomainError } from '@app/kernel';
import { bundleDecider, matterDecider, type MatterElements } from '../../domain';
import { ApplicantKeyStore } from '../../applications/applicant-keys/applicant-key-store';
import { ApplicantKeys1764300000000 } from '../../applications/applicant-keys/applicant-keys.migration';
import { matterStreamId } from '../../matters/matter-stream';
import { ApplicantCipher } from '../../personal-data';
import { lookUpMembers } from '../bundle.aggregate';
import { bundleApplicationStreamId, bundleStreamId } from '../bundle-stream';
import { BundleApplicationIntake } from './bundle-application-intake';

const AT = '2019-09-24T09:00:00+08:00';
const context = (command: string, actor: CommandContext['actor'] = { userId: 'admin-1', roles: ['admin'] }): CommandContext => ({
  actor,
  at: AT,
  correlationId: `c-${command}`,
  command,
});
const elements = (departmentId: string): MatterElements => ({
  name: `matter of ${departmentId}`,
  departmentId,
  regionCode: '330602',
  handlingType: 'promised',
  legalTimeLimit: { value: 20, unit: 'workday' },
  promisedTimeLimit: { value: 5, unit: 'workday' },
  maxVisits: 1,
  channels: { online: true, mobile: true },
  exemptions: {},
  materials: [{ name: '申请书', electronic: true }],
});

/**
 * The comprehensive window's submission against a matter suspended between the intake's read and
 * the append: the guard on the matter's stream version refuses the whole bundle (409), nothing is
 * appended and the applicant keys made for it are erased.
 */
describe.each(testBackends())('%s: a bundle application guarded by its member matters', (backend) => {
  let fx: StoreFixture;
  let matters: string[];
  let bundleId: string;
  const cipher = new ApplicantCipher();
  const window = { userId: 'window-1', roles: ['window_staff'] };
  const applicant = { kind: 'person' as const, name: '张三丰', idNumber: '330602199001011234' };
  const keys = async () => (await fx.sql.query<{ n: number }>('SELECT count(*)::int AS n FROM applicant_keys'))[0].n;
  const intakeOver = (store: EventStore) =>
    new BundleApplicationIntake(store, new CommandExecutor(store), new ApplicantKeyStore(fx.sql, cipher), cipher);

  beforeEach(async () => {
    fx = await openStoreFixture(backend);
    await new ApplicantKeys1764300000000().up({ query: (text: string) => fx.sql.query(text) } as unknown as QueryRunner);
    matters = [randomUUID(), randomUUID()];
    for (const [i, matterId] of matters.entries()) {
      const stream = matterStreamId(matterId);
      const register = { matterId, code: `SX-${i}-${matterId.slice(0, 6)}`, elements: elements(`dept-${i}`), codeTaken: false, at: AT };
      await handleCommand(fx.store, matterDecider, stream, { type: 'matter.register', data: register }, context('matter.register'));
      const publish = { effectiveFrom: '2019-01-01', at: AT };
      await handleCommand(fx.store, matterDecider, stream, { type: 'matter.publish', data: publish }, context('matter.publish'));
    }
    bundleId = randomUUID();
    const members = await lookUpMembers(fx.store, matters);
    const define = { bundleId, code: 'YJS-1', name: '开办企业一件事', members, codeTaken: false, at: AT };
    await handleCommand(
      fx.store,
      bundleDecider,
      bundleStreamId(bundleId),
      { type: 'bundle.define', data: define },
      context('bundle.define'),
    );
  }, 30_000);
  afterEach(() => fx.dispose());

  it('creates every member application and the bundle application in one append', async () => {
    const submitted = await intakeOver(fx.store).submit(
      { bundleId, channel: 'window', applicant },
      context('bundle-application.submit', window),
    );
    expect(submitted.applications.map((a) => a.matterId)).toEqual(matters);
    for (const { applicationId } of submitted.applications)
      expect(await fx.store.readStream(`application-${applicationId}`)).toEqual([
        expect.objectContaining({ type: 'application.submitted' }),
      ]);
    expect(await fx.store.readStream(bundleApplicationStreamId(submitted.id))).toHaveLength(1);
    expect(await keys()).toBe(2);
  });

  it('refuses the whole bundle when a member matter is suspended between the read and the append', async () => {
    const suspendFirst: EventStore = new Proxy(fx.store, {
      get(target, property, receiver) {
        if (property !== 'appendNewStreams') return Reflect.get(target, property, receiver) as unknown;
        return async (...args: Parameters<EventStore['appendNewStreams']>) => {
          const suspend = { reason: '系统升级', effectiveFrom: '2019-09-24', at: AT };
          await handleCommand(
            target,
            matterDecider,
            matterStreamId(matters[1]),
            { type: 'matter.suspend', data: suspend },
            context('matter.suspend'),
          );
          return target.appendNewStreams(...args);
        };
      },
    });
    const before = await fx.store.streamPosition(matterStreamId(matters[1]));
    const refusal = await intakeOver(suspendFirst)
      .submit({ bundleId, channel: 'window', applicant }, context('bundle-application.submit', window))
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'matter_changed', kind: 'conflict' });
    const [{ n }] = await fx.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'application-%' OR stream_id LIKE 'bundle-application-%'",
    );
    expect(n).toBe(0);
    expect(await fx.store.streamPosition(matterStreamId(matters[1]))).toBeGreaterThan(before!); // only the suspension was written
    expect(await keys()).toBe(0);
  });

  it('refuses window staff of one department (403): only the comprehensive window or admin submit a bundle', async () => {
    const clerk = { userId: 'clerk', roles: ['window_staff'], departmentId: 'dept-0' };
    await expect(intakeOver(fx.store).submit({ bundleId, channel: 'window', applicant }, context('x', clerk))).rejects.toMatchObject({
      kind: 'forbidden',
    });
    expect(await keys()).toBe(0);
  });
});
