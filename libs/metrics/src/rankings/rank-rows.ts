import type { IndicatorResult } from '../indicators/assessment-report';

export interface RankingRow {
  rank: number;
  departmentId?: string;
  regionCode?: string;
  numerator: number;
  denominator: number;
  rate: number | null;
}

/**
 * 晾晒台 order: highest rate first; equal rates share a rank (1, 1, 3); null rates (nothing to
 * measure) last, sharing the last rank; within a tie by id, so the order is stable.
 */
export function rankRows(results: { id: string; result: IndicatorResult }[], by: 'department' | 'region'): RankingRow[] {
  const sorted = [...results].sort((a, b) => {
    const ra = a.result.rate ?? -1;
    const rb = b.result.rate ?? -1;
    return rb - ra || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  let rank = 0;
  return sorted.map((entry, index) => {
    if (index === 0 || entry.result.rate !== sorted[index - 1].result.rate) rank = index + 1;
    const { numerator, denominator, rate } = entry.result;
    return { rank, ...(by === 'department' ? { departmentId: entry.id } : { regionCode: entry.id }), numerator, denominator, rate };
  });
}
