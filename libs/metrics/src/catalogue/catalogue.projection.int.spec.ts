import { eventsFor } from '@app/event-store';
import { openTestSql, testBackends, type TestSql } from '@app/event-store/testing';
import type { MatterElements } from '@app/matters';
import { matterIndicators } from '../indicators/matter-indicators.query';
import { migrate, recorded } from '../shared/projection-test-kit';
import { CatalogueProjection } from './catalogue.projection';

const elements = (change: Partial<MatterElements> = {}): MatterElements => ({
  name: '食品经营许可',
  departmentId: 'scjg',
  regionCode: '330602',
  handlingType: 'promised',
  legalTimeLimit: { value: 1, unit: 'month' },
  promisedTimeLimit: { value: 2, unit: 'workday' },
  maxVisits: 0,
  channels: { online: true, mobile: false },
  exemptions: {},
  materials: [
    { name: '申请表', electronic: true },
    { name: '场地证明', electronic: false },
  ],
  ...change,
});

const history = () => [
  recorded('matter-a', 1, 'matter.registered', { matterId: 'a', code: 'A-1', elements: elements(), at: '2018-12-01T09:00:00+08:00' }),
  recorded('matter-a', 2, 'matter.published', {
    matterId: 'a',
    version: 1,
    effectiveFrom: '2019-01-01',
    elements: elements(),
    at: '2018-12-02T09:00:00+08:00',
  }),
  recorded('matter-a', 3, 'matter.revised', {
    matterId: 'a',
    version: 2,
    effectiveFrom: '2019-06-01',
    changes: { channels: { online: true, mobile: true } },
    elements: elements({ channels: { online: true, mobile: true } }),
    at: '2019-05-20T09:00:00+08:00',
  }),
  recorded('matter-a', 4, 'matter.suspended', {
    matterId: 'a',
    reason: '升级',
    effectiveFrom: '2019-07-01',
    at: '2019-07-01T09:00:00+08:00',
  }),
  recorded('matter-a', 5, 'matter.resumed', { matterId: 'a', effectiveFrom: '2019-07-10', at: '2019-07-10T09:00:00+08:00' }),
  recorded('matter-b', 1, 'matter.registered', {
    matterId: 'b',
    code: 'B-1',
    elements: elements({ regionCode: '330600' }),
    at: '2018-12-01T09:00:00+08:00',
  }),
  recorded('matter-b', 2, 'matter.published', {
    matterId: 'b',
    version: 1,
    effectiveFrom: '2019-01-01',
    elements: elements({ regionCode: '330600' }),
    at: '2018-12-02T09:00:00+08:00',
  }),
  recorded('matter-b', 3, 'matter.retired', {
    matterId: 'b',
    reason: '取消',
    effectiveFrom: '2019-05-01',
    at: '2019-05-01T09:00:00+08:00',
  }),
];

describe.each(testBackends())('the dated catalogue projection on %s', (backend) => {
  let db: TestSql;
  const projection = new CatalogueProjection();

  beforeAll(async () => {
    db = await openTestSql(backend, 'metrics');
    await migrate(db.sql);
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, history()), tx));
  }, 60_000);
  afterAll(() => db.dispose());

  const city = async (asOf: string) => (await matterIndicators(db.sql, asOf, {})).get('');

  it('answers each date with the versions and statuses in force then', async () => {
    expect(await city('2018-12-31')).toBeUndefined();
    expect(await city('2019-04-30')).toMatchObject({ matters: 2, mobileAvailability: { numerator: 0, denominator: 2 } });
    expect(await city('2019-05-31')).toMatchObject({ matters: 1, mobileAvailability: { numerator: 0, denominator: 1 } });
    expect(await city('2019-06-01')).toMatchObject({ matters: 1, mobileAvailability: { numerator: 1, denominator: 1 } });
    expect(await city('2019-07-05')).toBeUndefined();
    expect(await city('2019-07-10')).toMatchObject({
      matters: 1,
      timeLimitCompression: { numerator: 20, denominator: 22 },
      electronicMaterialRate: { numerator: 1, denominator: 2 },
    });
  });

  it('groups by the region of the version in force', async () => {
    const regions = await matterIndicators(db.sql, '2019-04-30', {}, 'region');
    expect([...regions.keys()].sort()).toEqual(['330600', '330602']);
  });

  it('is unchanged when a batch is applied again', async () => {
    await db.sql.transaction((tx) => projection.apply(eventsFor(projection, history()), tx));
    expect(await city('2019-04-30')).toMatchObject({ matters: 2 });
    const [{ n }] = await db.sql.query<{ n: string }>('SELECT count(*) AS n FROM rm_matter_in_force_v2');
    expect(Number(n)).toBe(4);
  });
});
