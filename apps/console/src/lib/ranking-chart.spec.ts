import { describe, expect, it } from 'vitest';
import type { Ranking } from '../api/types';
import { rankingChartOption, rankText, tooltipLines } from './ranking-chart';

const ranking: Ranking = {
  indicator: { key: 'instantRate', name: '即办率', nameEn: 'instant handling rate' },
  by: 'department',
  asOf: '2019-10-31',
  period: { from: '2019-01-01', to: '2019-10-31' },
  rows: [
    { rank: 1, departmentId: 'dept-market', departmentName: '市场监管局', numerator: 9, denominator: 10, rate: 90, redCards: 0 },
    { rank: 1, departmentId: 'dept-transport', numerator: 18, denominator: 20, rate: 90, redCards: 2 },
    { rank: 3, departmentId: 'dept-health', numerator: 1, denominator: 4, rate: 25, redCards: 0 },
    { rank: 4, departmentId: 'dept-empty', numerator: 0, denominator: 0, rate: null, redCards: 0 },
  ],
};

describe('the 晾晒台 chart', () => {
  it('says a shared rank as 并列 and a lone one plainly', () => {
    expect(ranking.rows.map((row) => rankText(row, ranking.rows))).toEqual(['并列第1名', '并列第1名', '第3名', '第4名']);
  });

  it('hover text: the name (else the code), rank, value, numerator/denominator and red cards', () => {
    expect(tooltipLines(ranking.rows[0], ranking)).toEqual([
      '市场监管局',
      '排名：并列第1名',
      '即办率：90.00%',
      '分子 / 分母：9 / 10',
      '红牌：0 张',
    ]);
    expect(tooltipLines(ranking.rows[1], ranking)[0]).toBe('dept-transport');
    expect(tooltipLines(ranking.rows[3], ranking).slice(2, 4)).toEqual(['即办率：无可计（分母为 0）', '分子 / 分母：0 / 0']);
  });

  it('keeps the API order (null last), rank and name on the axis, value and fraction on the bar', () => {
    const option = rankingChartOption(ranking);
    expect(option.yAxis.data).toEqual(['并列第1名  市场监管局', '并列第1名  dept-transport', '第3名  dept-health', '第4名  dept-empty']);
    expect(option.series[0].data.map((d) => d.value)).toEqual([90, 90, 25, 0]);
    expect(option.series[0].label.formatter({ dataIndex: 3 })).toBe('—（0 / 0）');
  });

  it('escapes names in the HTML tooltip', () => {
    const hostile: Ranking = { ...ranking, rows: [{ ...ranking.rows[0], departmentName: '<img src=x onerror=alert(1)>' }] };
    const html = rankingChartOption(hostile).tooltip.formatter([{ dataIndex: 0 }]);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
  });
});
