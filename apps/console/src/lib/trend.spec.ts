import { describe, expect, it } from 'vitest';
import { monthsUpTo, trendChartOption, trendTooltip } from './trend';

describe('monthsUpTo: the months of the trend', () => {
  it('gives every month of the year up to the date, whole months but the last, which runs to the date', () => {
    const months = monthsUpTo('2019-03-15');
    expect(months).toEqual([
      { label: '1月', from: '2019-01-01', to: '2019-01-31' },
      { label: '2月', from: '2019-02-01', to: '2019-02-28' },
      { label: '3月', from: '2019-03-01', to: '2019-03-15' },
    ]);
    expect(monthsUpTo('2020-02-29').at(-1)).toEqual({ label: '2月', from: '2020-02-01', to: '2020-02-29' });
    expect(monthsUpTo('2019-12-31')).toHaveLength(12);
  });
});

describe('the trend chart', () => {
  const month = { label: '10月', from: '2019-10-01', to: '2019-10-31' };
  it('says each month with its rate and fraction, and that a month with nothing to count has no rate', () => {
    expect(trendTooltip({ month, numerator: 81, denominator: 100, rate: 81 }, '网上受理率')).toEqual([
      '10月（2019-10-01 至 2019-10-31）',
      '网上受理率：81.00%',
      '分子 / 分母：81 / 100',
    ]);
    expect(trendTooltip({ month, numerator: 0, denominator: 0, rate: null }, '网上受理率')[1]).toBe('网上受理率：无可计（分母为 0）');
  });

  it('leaves a gap (null) where a month has no rate, and escapes what it writes into the tooltip', () => {
    const option = trendChartOption(
      [
        { month, numerator: 1, denominator: 2, rate: 50 },
        { month: { ...month, label: '11月' }, numerator: 0, denominator: 0, rate: null },
      ],
      '<b>x</b>',
    );
    expect(option.series[0].data).toEqual([50, null]);
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toContain('&#60;b&#62;x&#60;/b&#62;');
  });
});
