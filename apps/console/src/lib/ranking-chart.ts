import type { Ranking, RankingRow } from '../api/types';
import { formatFraction, formatRate } from './format';
import { groupLabel } from './groups';

/** `第1名`, or `并列第1名` when another group shares the rank (the API gives equal rates one rank). */
export function rankText(row: RankingRow, rows: readonly RankingRow[]): string {
  const shared = rows.filter((other) => other.rank === row.rank).length > 1;
  return `${shared ? '并列' : ''}第${row.rank}名`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The hover text of one bar: name, rank, value, numerator/denominator, red cards. */
export function tooltipLines(row: RankingRow, ranking: Ranking): string[] {
  return [
    groupLabel(row, ranking.by),
    `排名：${rankText(row, ranking.rows)}`,
    `${ranking.indicator.name}：${row.rate === null ? '无可计（分母为 0）' : formatRate(row.rate)}`,
    `分子 / 分母：${formatFraction(row.numerator, row.denominator)}`,
    ...(row.redCards === undefined ? [] : [`红牌：${row.redCards} 张`]),
  ];
}

export const ROW_HEIGHT = 40;
export const GRID = { top: 8, bottom: 28, left: 200, right: 150 };

/** The chart's height for this many groups: one row each. */
export const chartHeight = (rows: number, large = false): number =>
  GRID.top + GRID.bottom + Math.max(rows, large ? 6 : 1) * (large ? ROW_HEIGHT * 2 : ROW_HEIGHT);

/** The ECharts option of a ranking: one horizontal bar per group, first rank on top, rank and value written on the bar. */
export function rankingChartOption(ranking: Ranking, options: { large?: boolean } = {}) {
  const rows = ranking.rows;
  const fontSize = options.large ? 20 : 13;
  const grid = options.large ? { ...GRID, left: 280, right: 230 } : GRID;
  const category = (row: RankingRow) => `${rankText(row, rows)}  ${groupLabel(row, ranking.by)}`;
  return {
    animation: false,
    grid: { ...grid, containLabel: false },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      className: 'ranking-tooltip',
      formatter: (params: { dataIndex: number }[] | { dataIndex: number }) => {
        const first = Array.isArray(params) ? params[0] : params;
        const row = rows[first?.dataIndex ?? -1];
        return row ? tooltipLines(row, ranking).map(escapeHtml).join('<br/>') : '';
      },
    },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%', fontSize } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map(category),
      axisLabel: { fontSize, width: grid.left - 16, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: ranking.indicator.name,
        barMaxWidth: options.large ? 40 : 26,
        data: rows.map((row) => ({ value: row.rate ?? 0, itemStyle: row.rate === null ? { color: '#c0c4cc' } : undefined })),
        label: {
          show: true,
          position: 'right',
          fontSize,
          formatter: ({ dataIndex }: { dataIndex: number }) => {
            const row = rows[dataIndex];
            return `${formatRate(row.rate)}（${formatFraction(row.numerator, row.denominator)}）`;
          },
        },
      },
    ],
  };
}
