import type { IndicatorResult } from '../indicators/assessment-report';
import { rankRows } from './rank-rows';

const result = (rate: number | null): IndicatorResult => ({
  key: 'instantRate',
  name: '即办率',
  nameEn: 'instant handling rate',
  numerator: 1,
  denominator: rate === null ? 0 : 1,
  rate,
});

describe('rankRows', () => {
  it('orders by rate, shares ranks on ties and puts null rates last', () => {
    const rows = rankRows(
      [
        { id: 'b', result: result(90) },
        { id: 'n', result: result(null) },
        { id: 'a', result: result(95) },
        { id: 'c', result: result(90) },
        { id: 'd', result: result(80) },
      ],
      'department',
    );
    expect(rows.map((row) => [row.departmentId, row.rank])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 2],
      ['d', 4],
      ['n', 5],
    ]);
  });
});
