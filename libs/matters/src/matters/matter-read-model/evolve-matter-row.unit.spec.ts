import type { MatterEvent } from '../../domain/matter';
import { elements, published, registered, retired, suspended } from '../../domain/matter/matter.test-fixtures';
import { evolveMatterRow } from './evolve-matter-row';
import type { MatterRowData } from './matter-row';

const fold = (events: MatterEvent[], start?: MatterRowData) =>
  events.reduce<MatterRowData | undefined>((row, event, index) => evolveMatterRow(row, { event, version: index + 1 }), start);

const revised: MatterEvent = {
  type: 'matter.revised',
  data: {
    matterId: 'm-1',
    version: 2,
    effectiveFrom: '2019-07-01',
    changes: { name: 'renamed', regionCode: '330603' },
    elements: { ...elements, name: 'renamed', regionCode: '330603' },
    at: '2019-06-15T09:00:00+08:00',
  },
};

describe('the matters read-model row', () => {
  it('starts as a draft with the registered elements', () => {
    expect(fold([registered])).toMatchObject({
      matter_id: 'm-1',
      code: 'SX-001',
      status: 'draft',
      catalogue_version: null,
      effective_from: null,
      stream_version: 1,
      name: elements.name,
      department_id: 'dept-market',
      versions: [],
      status_periods: [],
    });
  });

  it('keeps the latest version, its effective date and every version; name and region follow the elements', () => {
    const row = fold([registered, published, revised]);
    expect(row).toMatchObject({
      status: 'published',
      catalogue_version: 2,
      effective_from: '2019-07-01',
      name: 'renamed',
      region_code: '330603',
    });
    expect(row?.versions).toEqual([
      { version: 1, effectiveFrom: '2019-03-01', at: '2019-03-01T09:00:00+08:00' },
      { version: 2, effectiveFrom: '2019-07-01', at: '2019-06-15T09:00:00+08:00' },
    ]);
    expect(row?.updated_at).toBe('2019-06-15T09:00:00+08:00');
  });

  it('records status changes with their dates and reasons', () => {
    const resumed: MatterEvent = {
      type: 'matter.resumed',
      data: { matterId: 'm-1', effectiveFrom: '2019-06-10', at: '2019-06-10T09:00:00+08:00' },
    };
    expect(fold([registered, published, suspended])).toMatchObject({ status: 'suspended', status_reason: 'law under review' });
    const row = fold([registered, published, suspended, resumed, retired]);
    expect(row).toMatchObject({ status: 'retired', status_reason: 'abolished', stream_version: 5 });
    expect(row?.status_periods.map((p) => p.status)).toEqual(['published', 'suspended', 'published', 'retired']);
  });

  it('ignores an event it has applied already (a replayed batch) and events of a stream it never saw registered', () => {
    const row = fold([registered, published]);
    expect(evolveMatterRow(row, { event: published, version: 2 })).toBe(row);
    expect(evolveMatterRow(undefined, { event: published, version: 2 })).toBeUndefined();
  });
});
