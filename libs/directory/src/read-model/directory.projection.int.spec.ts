import type { QueryRunner } from 'typeorm';
import { CommandExecutor, rebuildProjection, type CommandContext } from '@app/event-store';
import { openStoreFixture, testBackends, visibleEvents, type StoreFixture } from '@app/event-store/testing';
import { departments, putDepartment } from '../departments/department.aggregate';
import { directoryNames } from '../names/directory-names';
import { regions } from '../regions/region.aggregate';
import { DirectoryReadModel1765200000000 } from './directory.migration';
import { directoryProjection } from './directory.projection';
import { departmentById, departmentPage, regionList } from './directory.queries';

const context = (at = '2019-01-02T09:00:00+08:00'): CommandContext => ({
  actor: { userId: 'admin-1', roles: ['admin'] },
  at,
  correlationId: 'c1',
  command: 'directory.test',
});

describe.each(testBackends())('%s: the directory read model and its names', (backend) => {
  let fx: StoreFixture;
  let commands: CommandExecutor;
  beforeEach(async () => {
    fx = await openStoreFixture(backend);
    await new DirectoryReadModel1765200000000().up({ query: (text: string) => fx.sql.query(text) } as unknown as QueryRunner);
    commands = new CommandExecutor(fx.store);
  }, 30_000);
  afterEach(() => fx.dispose());

  const nameRegion = (code: string, name: string) =>
    commands.execute(regions, code, { type: 'region.put', data: { code, name, at: context().at } }, context());

  it('given named and renamed regions and a changed department, answers their latest facts and names', async () => {
    await nameRegion('330683', '嵊县');
    await nameRegion('330683', '嵊州市');
    await nameRegion('330600', '市本级');
    const facts = { departmentId: 'scjg', name: '市场监督管理局', shortName: '市场监管局', regionCode: '330600' };
    await putDepartment({ store: fx.store, commands }, facts, context());
    await putDepartment({ store: fx.store, commands }, { ...facts, regionCode: '330683' }, context());
    await visibleEvents(fx.store, 5);
    await rebuildProjection(fx.store, fx.sql, directoryProjection, { batchSize: 1 });

    expect(await regionList(fx.sql)).toEqual({
      items: [
        { code: '330600', name: '市本级', version: 1 },
        { code: '330683', name: '嵊州市', version: 2 },
      ],
    });
    expect(await departmentById(fx.sql, 'scjg')).toEqual({
      id: 'scjg',
      name: '市场监督管理局',
      shortName: '市场监管局',
      regionCode: '330683',
      version: 2,
    });
    expect((await departmentPage(fx.sql, { regionCode: '330600', page: 1, pageSize: 50 })).total).toBe(0);
    const names = await directoryNames(fx.sql);
    expect([names.regionName('330683'), names.regionName('339999'), names.departmentName('scjg'), names.departmentName('dept-x')]).toEqual([
      '嵊州市',
      '339999',
      '市场监督管理局',
      'dept-x',
    ]);
  });

  it('refuses a department of a region never named, appending nothing', async () => {
    const facts = { departmentId: 'scjg', name: '市场监督管理局', shortName: '市场监管局', regionCode: '330602' };
    await expect(putDepartment({ store: fx.store, commands }, facts, context())).rejects.toThrow('regionCode');
    expect(await fx.store.readStream(departments.streamId('scjg'))).toEqual([]);
  });
});
