import type { ProjectedEvent } from '@app/event-store';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import type { BundleApplicationSubmitted } from '@app/matters';
import { migrate, recorded } from '../shared/projection-test-kit';
import { bundleApplicationCount } from './bundle-figures.query';
import { BundleFactsProjection } from './bundle-facts.projection';

const member = (applicationId: string, departmentId: string, regionCode = '330602') => ({
  matterId: `m-${applicationId}`,
  applicationId,
  departmentId,
  regionCode,
});
const submitted = (id: string, at: string, members: ReturnType<typeof member>[]) =>
  recorded(`bundle-application-${id}`, 1, 'bundle-application.submitted', {
    bundleApplicationId: id,
    bundleId: 'b-1',
    bundleVersion: 1,
    bundleCode: 'YJS-1',
    members,
    channel: 'window',
    at,
  }) as ProjectedEvent<BundleApplicationSubmitted>;

describe.each(testBackends())('assessment bundle facts on %s', (backend) => {
  let db: TestSql;
  const projection = new BundleFactsProjection();
  beforeAll(async () => {
    db = await openTestSql(backend, 'bundle_facts');
    await migrate(db.sql);
    const events = [
      submitted('ba-1', '2019-09-26T09:00:00+08:00', [member('a1', 'scj'), member('a2', 'gaj', '330603')]),
      // 00:30 on 1 October in the city is still 30 September UTC: counted by its business date
      submitted('ba-2', '2019-10-01T00:30:00+08:00', [member('a3', 'scj'), member('a4', 'sw')]),
    ];
    await db.sql.transaction((tx) => projection.apply(events, tx));
    await db.sql.transaction((tx) => projection.apply(events, tx)); // a replay changes nothing
  }, 60_000);
  afterAll(() => db.dispose());

  const year = { from: '2019-01-01', to: '2019-12-31' };
  it('counts each bundle application once in a scope where one of its members is, by business date, up to asOf', async () => {
    expect(await bundleApplicationCount(db.sql, '2019-12-31', year, {})).toBe(2);
    expect(await bundleApplicationCount(db.sql, '2019-12-31', year, { departmentId: 'scj' })).toBe(2);
    expect(await bundleApplicationCount(db.sql, '2019-12-31', year, { departmentId: 'gaj' })).toBe(1);
    expect(await bundleApplicationCount(db.sql, '2019-12-31', year, { regionCode: '330603' })).toBe(1);
    expect(await bundleApplicationCount(db.sql, '2019-12-31', year, { departmentId: 'other' })).toBe(0);
    expect(await bundleApplicationCount(db.sql, '2019-09-30', year, {})).toBe(1);
    expect(await bundleApplicationCount(db.sql, '2019-12-31', { from: '2019-10-01', to: '2019-10-31' }, {})).toBe(1);
  });
});
